// Where the open image came from. Saved as one undoable, audited change.
import { useState } from 'react';
import { canonicalJson } from '../../model/canonicalJson';
import { validateProvenance, type ProvenanceFields, type ProvenanceInput, type ProvenanceValue } from '../../model/provenance';
import type { ImageRecord } from '../../model/records';
import { updateImageMetadata } from '../../state/documentCommands';
import { useServices } from '../app/services';

const FIELDS: { field: ProvenanceFields; label: string; placeholder?: string; multiline?: boolean }[] = [
  { field: 'title', label: 'Title' },
  { field: 'publisher', label: 'Publisher / source', placeholder: 'e.g. U.S. Department of State' },
  { field: 'url', label: 'Source URL', placeholder: 'https://…' },
  { field: 'credit', label: 'Credit' },
  { field: 'licence', label: 'Licence' },
  { field: 'releasedAt', label: 'Release date', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { field: 'capturedAt', label: 'Capture date', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' },
  { field: 'notes', label: 'Notes', multiline: true },
];

const inputOf = (image: ImageRecord): ProvenanceInput => ({ ...image.source, releasedAt: image.releasedAt, capturedAt: image.capturedAt, notes: image.notes });
const jsonOf = ({ source, releasedAt, capturedAt, notes }: ProvenanceValue) => canonicalJson({ ...source, releasedAt, capturedAt, notes });

interface Draft {
  /** The stored values the draft was last reconciled with. */
  base: string;
  input: ProvenanceInput;
  /** Values this form has saved that may not have come back from the database yet. */
  own: readonly string[];
}

/**
 * Edits are kept in a draft and saved when focus leaves a field (or on "Save provenance"), so
 * nothing typed is lost by moving on. Stored values that this form saved leave the draft alone;
 * a change from elsewhere (an undo) replaces it. "Saved." is shown only while what the form
 * holds is what the database holds, so it never reports a save that is still on its way.
 */
export function ProvenanceForm({ image }: { image: ImageRecord }) {
  const services = useServices();
  const stored = inputOf(image);
  const storedJson = canonicalJson(stored);
  const [draft, setDraft] = useState<Draft>({ base: storedJson, input: stored, own: [] });
  if (draft.base !== storedJson) {
    const ours = draft.own.indexOf(storedJson);
    setDraft(ours >= 0 ? { ...draft, base: storedJson, own: draft.own.slice(ours + 1) } : { base: storedJson, input: stored, own: [] });
  }
  const [errors, setErrors] = useState<Partial<Record<ProvenanceFields, string>>>({});
  const [saveRequested, setSaveRequested] = useState(false);
  const current = validateProvenance(draft.input);
  const saved = saveRequested && current.ok && jsonOf(current.value) === storedJson;
  // Open at first for an image with no provenance yet; after that the user decides.
  const [open, setOpen] = useState(!image.source.title);

  const save = () => {
    const checked = validateProvenance(draft.input);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setSaveRequested(true);
    const saving = jsonOf(checked.value);
    if (saving === storedJson) return;
    setDraft((d) => ({ ...d, own: [...d.own, saving] }));
    void updateImageMetadata(services, image.id, checked.value);
  };
  const edit = (field: ProvenanceFields, value: string) => {
    setDraft((d) => ({ ...d, input: { ...d.input, [field]: value } }));
  };

  return (
    <details className="provenance" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Provenance</summary>
      <form
        aria-label="Provenance"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
        onBlur={save}
      >
        <p className="muted small">
          {image.fileName} · SHA-256 <code title={image.sha256}>{image.sha256.slice(0, 16)}…</code> · {image.byteLength.toLocaleString('en-US')} bytes · added by {image.addedBy}
        </p>
        {FIELDS.map(({ field, label, placeholder, multiline }) => (
          <label key={field} className="field">
            {label}
            {multiline ? (
              <textarea aria-label={label} value={draft.input[field]} rows={3} aria-invalid={!!errors[field]} onChange={(e) => edit(field, e.target.value)} />
            ) : (
              <input aria-label={label} value={draft.input[field]} placeholder={placeholder} aria-invalid={!!errors[field]} onChange={(e) => edit(field, e.target.value)} />
            )}
            {errors[field] && <span className="error small">{errors[field]}</span>}
          </label>
        ))}
        <button type="submit">Save provenance</button>
        {saved && <span role="status"> Saved.</span>}
      </form>
    </details>
  );
}
