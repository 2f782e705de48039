// A claim as typed into the form or read from a CSV row (all text), checked and turned into the
// fields of a ClaimRecord. Each problem is named per field so the form and the CSV report can
// say exactly what to fix.
import { dateSpan, parsePartialDate, type PartialDate } from './dates';
import { MAX_TEXT_FIELD } from './limits';
import { isWebUrl } from './provenance';
import { QUANTITY_QUALIFIERS, type ClaimRecord, type QuantityQualifier } from './records';

export interface ClaimInput {
  statement: string;
  claimant: string;
  role: string;
  claimedAt: string;
  periodFrom: string;
  periodTo: string;
  sourceTitle: string;
  sourcePublisher: string;
  sourceUrl: string;
  sourceAccessedAt: string;
  quantityValue: string;
  quantityUnit: string;
  quantityQualifier: string;
  /** Separated by commas or semicolons. */
  tags: string;
  notes: string;
}

export type ClaimFields = Omit<ClaimRecord, 'id' | 'caseId' | 'createdAt' | 'updatedAt'>;
export type ClaimErrors = Partial<Record<keyof ClaimInput, string>>;
export type ClaimCheck = { ok: true; value: ClaimFields } | { ok: false; errors: ClaimErrors };

export const MAX_STATEMENT = 5_000;
export const MAX_TAGS = 20;

export const emptyClaimInput = (): ClaimInput => ({
  statement: '', claimant: '', role: '', claimedAt: '', periodFrom: '', periodTo: '', sourceTitle: '', sourcePublisher: '',
  sourceUrl: '', sourceAccessedAt: '', quantityValue: '', quantityUnit: '', quantityQualifier: '', tags: '', notes: '',
});

export function claimToInput(c: ClaimFields): ClaimInput {
  return {
    statement: c.statement,
    claimant: c.claimant,
    role: c.role,
    claimedAt: c.claimedAt,
    periodFrom: c.period.from,
    periodTo: c.period.to,
    sourceTitle: c.source.title,
    sourcePublisher: c.source.publisher,
    sourceUrl: c.source.url,
    sourceAccessedAt: c.source.accessedAt,
    quantityValue: c.quantity ? String(c.quantity.value) : '',
    quantityUnit: c.quantity?.unit ?? '',
    quantityQualifier: c.quantity?.qualifier ?? '',
    tags: c.tags.join(', '),
    notes: c.notes,
  };
}

// Control characters other than tab and newline have no place in a statement and can hide text.
const CONTROL = /[^\P{Cc}\t\n\r]/u;

export function checkClaim(input: ClaimInput): ClaimCheck {
  const errors: ClaimErrors = {};
  const text = (field: keyof ClaimInput, label: string, max: number, required = false): string => {
    const v = input[field].trim();
    if (required && !v) errors[field] = `${label} is required.`;
    else if (v.length > max) errors[field] = `${label} can have at most ${max.toLocaleString('en-US')} characters (it has ${v.length.toLocaleString('en-US')}).`;
    else if (CONTROL.test(v)) errors[field] = `${label} contains control characters; remove them.`;
    return v;
  };
  const date = (field: keyof ClaimInput, label: string): string => {
    const v = input[field].trim();
    if (!v) return '';
    const parsed = parsePartialDate(v);
    if (!parsed.ok) errors[field] = `${label}: ${parsed.error}.`;
    return v;
  };

  const statement = text('statement', 'Statement', MAX_STATEMENT, true);
  const claimant = text('claimant', 'Claimant', 300);
  const role = text('role', 'Role or affiliation', 300);
  const claimedAt = date('claimedAt', 'Date claimed');
  const from = date('periodFrom', 'Period from');
  const to = date('periodTo', 'Period to');
  if (from && to && !errors.periodFrom && !errors.periodTo && dateSpan(from as PartialDate).start > dateSpan(to as PartialDate).start) {
    errors.periodTo = 'Period to is before Period from.';
  }
  const sourceTitle = text('sourceTitle', 'Source title', 500);
  const sourcePublisher = text('sourcePublisher', 'Publisher', 300);
  const url = text('sourceUrl', 'Source URL', 2000);
  if (url && !errors.sourceUrl && !isWebUrl(url)) errors.sourceUrl = 'Source URL must start with http:// or https://.';
  const accessedAt = date('sourceAccessedAt', 'Accessed');
  const quantity = checkQuantity(input, errors);
  const tags = splitTags(input.tags);
  if (tags.length > MAX_TAGS) errors.tags = `At most ${MAX_TAGS} tags.`;
  else if (tags.some((t) => t.length > 40)) errors.tags = 'A tag can have at most 40 characters.';
  const notes = text('notes', 'Notes', MAX_TEXT_FIELD);

  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { statement, claimant, role, claimedAt, period: { from, to }, source: { title: sourceTitle, publisher: sourcePublisher, url, accessedAt }, quantity, tags, notes },
  };
}

function checkQuantity(input: ClaimInput, errors: ClaimErrors): ClaimFields['quantity'] {
  const raw = input.quantityValue.trim().replace(/[,\s_]/g, '');
  const unit = input.quantityUnit.trim();
  const qualifierText = input.quantityQualifier.trim().toLowerCase().replace(/\s+/g, '-');
  if (!raw && !unit) return null;
  const value = Number(raw);
  if (!raw) errors.quantityValue = 'Quantity needs a number when a unit is given.';
  else if (!Number.isFinite(value) || value < 0) errors.quantityValue = `Quantity "${input.quantityValue.trim()}" is not a number of zero or more.`;
  if (!unit) errors.quantityUnit = 'Unit is required with a quantity (for example "containers").';
  else if (unit.length > 60) errors.quantityUnit = 'Unit can have at most 60 characters.';
  const qualifier = (qualifierText || 'exactly') as QuantityQualifier;
  if (!QUANTITY_QUALIFIERS.includes(qualifier)) errors.quantityQualifier = `Qualifier must be one of: about, more than, fewer than, exactly.`;
  return { value, unit, qualifier };
}

export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((t) => t.trim()).filter(Boolean))];
}
