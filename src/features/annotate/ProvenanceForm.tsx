// Where the open image came from. Saved as one undoable, audited change.
import { useState } from 'react';
import { validateProvenance, type ProvenanceFields, type ProvenanceInput } from '../../model/provenance';
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

export function ProvenanceForm({ image }: { image: ImageRecord }) {
  const services = useServices();
  const [errors, setErrors] = useState<Partial<Record<ProvenanceFields, string>>>({});
  const [saved, setSaved] = useState(false);
  // Open at first for an image with no provenance yet; after that the user decides.
  const [open, setOpen] = useState(!image.source.title);

  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const input = Object.fromEntries(FIELDS.map(({ field }) => [field, String(data.get(field) ?? '')])) as ProvenanceInput;
    const checked = validateProvenance(input);
    if (!checked.ok) {
      setErrors(checked.errors);
      setSaved(false);
      return;
    }
    setErrors({});
    void updateImageMetadata(services, image.id, checked.value).then(() => setSaved(true));
  };

  const initial = inputOf(image);
  return (
    <details className="provenance" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Provenance</summary>
      <form
        key={`${image.id}:${JSON.stringify(initial)}`}
        aria-label="Provenance"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
        onChange={() => setSaved(false)}
      >
        <p className="muted small">
          {image.fileName} · SHA-256 <code title={image.sha256}>{image.sha256.slice(0, 16)}…</code> · {image.byteLength.toLocaleString('en-US')} bytes · added by {image.addedBy}
        </p>
        {FIELDS.map(({ field, label, placeholder, multiline }) => (
          <label key={field} className="field">
            {label}
            {multiline ? (
              <textarea aria-label={label} name={field} defaultValue={initial[field]} rows={3} aria-invalid={!!errors[field]} />
            ) : (
              <input aria-label={label} name={field} defaultValue={initial[field]} placeholder={placeholder} aria-invalid={!!errors[field]} />
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
