// Label and attributes of the selected boxes. Text fields save when they lose focus or on
// Enter, so one edit is one undo step.
import { useState } from 'react';
import { validateAttributes } from '../../model/boxAttributes';
import type { LabelDef } from '../../model/labels';
import { CONFIDENCES, type Annotation, type BoxAttributes, type Confidence } from '../../model/records';
import { updateBoxes } from '../../state/annotationCommands';
import { useServices } from '../app/services';
import type { AnnotateActions } from './useAnnotateActions';

export function BoxDetails({ selected, labels, actions }: { selected: readonly Annotation[]; labels: readonly LabelDef[]; actions: AnnotateActions }) {
  if (selected.length === 0) return <section className="box-details muted">Select a box to see and edit its label and attributes.</section>;
  const first = selected[0]!;
  const sameLabel = selected.every((a) => a.label === first.label);
  return (
    <section className="box-details" aria-label="Box details">
      <h2>{selected.length === 1 ? 'Box' : `${selected.length} boxes`}</h2>
      <label className="field">
        Box label
        <select aria-label="Box label" value={sameLabel ? first.label : ''} onChange={(e) => void actions.setLabel(e.target.value)}>
          {!sameLabel && <option value="">(mixed)</option>}
          {labels.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
          {!labels.some((l) => l.name === first.label) && sameLabel && <option value={first.label}>{first.label}</option>}
        </select>
      </label>
      {selected.length === 1 && <AttributesForm key={`${first.id}:${first.revision}`} box={first} />}
    </section>
  );
}

function AttributesForm({ box }: { box: Annotation }) {
  const services = useServices();
  const [error, setError] = useState<string | null>(null);
  const save = (patch: BoxAttributes) => {
    const checked = validateAttributes({ ...box.attributes, ...patch });
    if (!checked.ok) return setError(checked.error);
    setError(null);
    void updateBoxes(services, [box.id], 'Edit attributes', () => ({ attributes: checked.value }));
  };
  const onEnter = (e: React.KeyboardEvent<HTMLInputElement>) => e.key === 'Enter' && e.currentTarget.blur();
  const g = box.geometry;
  return (
    <div className="attributes">
      <label className="field">
        Name or IMO number
        <input defaultValue={box.attributes.name ?? ''} maxLength={200} onBlur={(e) => save({ name: e.target.value })} onKeyDown={onEnter} />
      </label>
      <label className="field">
        Count
        <input
          type="number"
          min={0}
          step={1}
          defaultValue={box.attributes.count ?? ''}
          onBlur={(e) => save({ count: e.target.value === '' ? undefined : Number(e.target.value) })}
          onKeyDown={onEnter}
        />
      </label>
      <label className="field">
        Confidence
        <select aria-label="Confidence" value={box.attributes.confidence ?? ''} onChange={(e) => save({ confidence: (e.target.value || undefined) as Confidence | undefined })}>
          <option value="">not set</option>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        Note
        <textarea defaultValue={box.attributes.note ?? ''} rows={3} onBlur={(e) => save({ note: e.target.value })} />
      </label>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="muted small">
        x {g.x}, y {g.y}, {g.width} × {g.height} px{g.rotation ? `, rotated ${g.rotation}°` : ''} · by {box.author} · revision {box.revision}
      </p>
    </div>
  );
}
