// The case's label set: colours, names (a rename relabels the boxes in the same undo step),
// new labels, and removing labels no box uses.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { usedLabels } from '../../db/annotations';
import { isHexColor, validateLabelName, type LabelDef } from '../../model/labels';
import type { CaseRecord } from '../../model/records';
import { setCaseLabels } from '../../state/documentCommands';
import { useServices } from '../app/services';

export function LabelEditor({ caseRecord }: { caseRecord: CaseRecord }) {
  const services = useServices();
  const [error, setError] = useState<string | null>(null);
  const used = useLiveQuery(() => usedLabels(services.db, caseRecord.id), [services.db, caseRecord.id]);
  const labels = caseRecord.labels;
  const save = (next: LabelDef[], renamed?: Map<string, string>) => void setCaseLabels(services, caseRecord.id, next, renamed);

  const rename = (i: number, value: string) => {
    const old = labels[i]!;
    if (value.trim() === old.name) return;
    const problem = validateLabelName(value, labels.filter((_, j) => j !== i));
    if (problem) return setError(problem);
    setError(null);
    save(labels.map((l, j) => (j === i ? { ...l, name: value.trim() } : l)), new Map([[old.name, value.trim()]]));
    const session = services.session.getState();
    if (session.activeLabel === old.name) session.setActiveLabel(value.trim());
  };

  const add = (form: HTMLFormElement) => {
    const input = form.elements.namedItem('newLabel') as HTMLInputElement;
    const problem = validateLabelName(input.value, labels);
    if (problem) return setError(problem);
    setError(null);
    save([...labels, { name: input.value.trim(), color: '#40a9ff' }]);
    input.value = '';
  };

  return (
    <details className="label-editor">
      <summary>Labels of this case</summary>
      <ul>
        {labels.map((l, i) => (
          <li key={`${i}:${l.name}`}>
            <input
              type="color"
              aria-label={`Colour of ${l.name}`}
              defaultValue={l.color}
              onBlur={(e) => isHexColor(e.target.value) && e.target.value !== l.color && save(labels.map((x, j) => (j === i ? { ...x, color: e.target.value } : x)))}
            />
            <input aria-label={`Name of label ${i + 1}`} defaultValue={l.name} onBlur={(e) => rename(i, e.target.value)} />
            <span className="muted small">{i < 9 ? `Shift+${i + 1}` : ''}</span>
            <button
              className="link"
              disabled={used?.has(l.name) ?? true}
              title={used?.has(l.name) ? 'Boxes use this label' : 'Remove this label'}
              onClick={() => save(labels.filter((_, j) => j !== i))}
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add(e.currentTarget);
        }}
      >
        <input name="newLabel" aria-label="New label name" placeholder="New label" maxLength={60} />
        <button type="submit">Add label</button>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </details>
  );
}
