// Label and attributes of the selected boxes. Text fields save when they lose focus or on
// Enter, so one edit is one undo step.
import { useState } from 'react';
import { validateAttributes } from '../../model/boxAttributes';
import type { LabelDef } from '../../model/labels';
import { CONFIDENCES, type Annotation, type BoxAttributes, type Confidence } from '../../model/records';
import { updateBoxes } from '../../state/annotationCommands';
import { useServices } from '../app/services';
import { RecordHistory } from '../common/RecordHistory';
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
        <select
          aria-label="Box label"
          value={sameLabel ? first.label : ''}
          onChange={(e) => {
            void actions.relabel(e.target.value);
            e.target.blur();
          }}
        >
          {!sameLabel && <option value="">(mixed)</option>}
          {labels.map((l) => (
            <option key={l.name} value={l.name}>
              {l.name}
            </option>
          ))}
          {!labels.some((l) => l.name === first.label) && sameLabel && <option value={first.label}>{first.label}</option>}
        </select>
      </label>
      {selected.length === 1 && <AttributesForm key={first.id} box={first} />}
      {selected.length === 1 && <RecordHistory entityId={first.id} />}
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
    // Merge into the stored record, not into these props: an earlier field's save may not
    // have come back as props yet.
    void updateBoxes(services, [box.id], 'Edit attributes', (a) => {
      const merged = validateAttributes({ ...a.attributes, ...patch });
      return merged.ok ? { attributes: merged.value } : {};
    });
  };
  const { name, count, confidence, note } = box.attributes;
  const g = box.geometry;
  return (
    <div className="attributes">
      <CommitField label="Name or IMO number" value={name ?? ''} onCommit={(v) => save({ name: v })} />
      <CommitField label="Count" type="number" value={count?.toString() ?? ''} onCommit={(v) => save({ count: v === '' ? undefined : Number(v) })} />
      <label className="field">
        Confidence
        <select aria-label="Confidence" value={confidence ?? ''} onChange={(e) => save({ confidence: (e.target.value || undefined) as Confidence | undefined })}>
          <option value="">not set</option>
          {CONFIDENCES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <CommitField label="Note" multiline value={note ?? ''} onCommit={(v) => save({ note: v })} />
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

interface CommitFieldProps {
  label: string;
  value: string;
  type?: 'text' | 'number';
  multiline?: boolean;
  onCommit(value: string): void;
}

/**
 * A field that saves when it loses focus (or on Enter), so one edit is one undo step. Keyed by
 * its stored value: an undo elsewhere refreshes it without disturbing the field being typed in.
 */
function CommitField(props: CommitFieldProps) {
  return <CommitInput key={props.value} {...props} />;
}

function CommitInput({ label, value, type = 'text', multiline, onCommit }: CommitFieldProps) {
  const commit = (next: string) => next !== value && onCommit(next);
  return (
    <label className="field">
      {label}
      {multiline ? (
        <textarea aria-label={label} defaultValue={value} rows={3} onBlur={(e) => commit(e.target.value)} />
      ) : (
        <input
          aria-label={label}
          type={type}
          defaultValue={value}
          min={type === 'number' ? 0 : undefined}
          step={type === 'number' ? 1 : undefined}
          maxLength={type === 'text' ? 200 : undefined}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
        />
      )}
    </label>
  );
}
