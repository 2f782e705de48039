// Creating or editing a claim. Every field is labelled as the issue names it; problems are
// shown beside their field and nothing is saved until all are fixed.
import { useState } from 'react';
import { checkClaim, claimToInput, emptyClaimInput, type ClaimErrors, type ClaimFields, type ClaimInput } from '../../model/claimInput';
import type { ClaimRecord } from '../../model/records';
import { Dialog } from '../common/Dialog';

interface FieldDef {
  field: keyof ClaimInput;
  label: string;
  placeholder?: string;
  multiline?: boolean;
  wide?: boolean;
}

const DATE_HINT = 'YYYY, YYYY-MM or YYYY-MM-DD';
const FIELDS: FieldDef[] = [
  { field: 'statement', label: 'Statement', multiline: true, wide: true, placeholder: 'What was claimed, in the claimant’s words where possible' },
  { field: 'claimant', label: 'Claimant', placeholder: 'e.g. John Kirby' },
  { field: 'role', label: 'Role or affiliation', placeholder: 'e.g. NSC spokesman, United States' },
  { field: 'claimedAt', label: 'Date claimed', placeholder: DATE_HINT },
  { field: 'periodFrom', label: 'Period from', placeholder: DATE_HINT },
  { field: 'periodTo', label: 'Period to', placeholder: DATE_HINT },
  { field: 'sourceTitle', label: 'Source title' },
  { field: 'sourcePublisher', label: 'Publisher' },
  { field: 'sourceUrl', label: 'Source URL', placeholder: 'https://…' },
  { field: 'sourceAccessedAt', label: 'Accessed', placeholder: DATE_HINT },
  { field: 'quantityValue', label: 'Quantity', placeholder: 'e.g. 1000' },
  { field: 'quantityUnit', label: 'Unit', placeholder: 'e.g. containers' },
  { field: 'tags', label: 'Tags', placeholder: 'comma-separated', wide: true },
  { field: 'notes', label: 'Notes', multiline: true, wide: true },
];

const QUALIFIERS = [
  { value: 'exactly', label: 'exactly' },
  { value: 'about', label: 'about' },
  { value: 'more-than', label: 'more than' },
  { value: 'fewer-than', label: 'fewer than' },
];

export function ClaimFormDialog({ claim, onSave, onCancel }: { claim: ClaimRecord | null; onSave(fields: ClaimFields): void; onCancel(): void }) {
  const [input, setInput] = useState<ClaimInput>(() => (claim ? claimToInput(claim) : emptyClaimInput()));
  const [errors, setErrors] = useState<ClaimErrors>({});
  const set = (field: keyof ClaimInput, value: string) => setInput((i) => ({ ...i, [field]: value }));
  const submit = () => {
    const checked = checkClaim(input);
    if (!checked.ok) return setErrors(checked.errors);
    onSave(checked.value);
  };
  const problems = Object.values(errors).length;
  return (
    <Dialog title={claim ? 'Edit claim' : 'New claim'} submitLabel="Save claim" onSubmit={submit} onCancel={onCancel} wide>
      <div className="claim-form">
        {FIELDS.map(({ field, label, placeholder, multiline, wide }) => (
          <label key={field} className={`field${wide ? ' wide' : ''}`}>
            {label}
            {multiline ? (
              <textarea aria-label={label} rows={field === 'statement' ? 4 : 2} value={input[field]} placeholder={placeholder} aria-invalid={!!errors[field]} onChange={(e) => set(field, e.target.value)} />
            ) : (
              <input aria-label={label} value={input[field]} placeholder={placeholder} aria-invalid={!!errors[field]} onChange={(e) => set(field, e.target.value)} />
            )}
            {errors[field] && <span className="error small">{errors[field]}</span>}
          </label>
        ))}
        <label className="field">
          Qualifier
          <select aria-label="Qualifier" value={input.quantityQualifier || 'exactly'} onChange={(e) => set('quantityQualifier', e.target.value)}>
            {QUALIFIERS.map((q) => (
              <option key={q.value} value={q.value}>
                {q.label}
              </option>
            ))}
          </select>
          {errors.quantityQualifier && <span className="error small">{errors.quantityQualifier}</span>}
        </label>
      </div>
      {problems > 0 && (
        <p role="alert" className="error">
          {problems === 1 ? 'One field needs attention.' : `${problems} fields need attention.`} Nothing was saved.
        </p>
      )}
    </Dialog>
  );
}
