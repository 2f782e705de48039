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

// Characters that cannot be seen but change what a reader sees: control characters (other than
// tab and line ends), and the embeddings, overrides and isolates that reorder text (the "Trojan
// Source" trick; right-to-left writing needs none of them). Refused, not stripped: a statement
// quoted as evidence must be stored as the analyst sees it, not quietly changed.
const CONTROL = /[^\P{Cc}\t\n\r]/u;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** What is wrong with a text field because of characters that cannot be seen, or null. */
function hiddenCharacterProblem(label: string, value: string): string | null {
  const control = CONTROL.exec(value)?.[0];
  if (control !== undefined) return `${label} contains a control character (${codePoint(control)}), which cannot be seen; remove it.`;
  const bidi = BIDI_CONTROL.exec(value)?.[0];
  if (bidi !== undefined) return `${label} contains an invisible character (${codePoint(bidi)}) that changes the order in which text is shown; remove it.`;
  return null;
}

export function checkClaim(input: ClaimInput): ClaimCheck {
  const errors: ClaimErrors = {};
  const text = (field: keyof ClaimInput, label: string, max: number, required = false): string => {
    const v = input[field].trim();
    const problem =
      required && !v ? `${label} is required.`
      : v.length > max ? `${label} can have at most ${max.toLocaleString('en-US')} characters (it has ${v.length.toLocaleString('en-US')}).`
      : hiddenCharacterProblem(label, v);
    if (problem) errors[field] = problem;
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
  const tagProblem =
    tags.length > MAX_TAGS ? `At most ${MAX_TAGS} tags.`
    : tags.some((t) => t.length > 40) ? 'A tag can have at most 40 characters.'
    : hiddenCharacterProblem('Tags', input.tags);
  if (tagProblem) errors.tags = tagProblem;
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
  const unitProblem = !unit ? 'Unit is required with a quantity (for example "containers").' : unit.length > 60 ? 'Unit can have at most 60 characters.' : hiddenCharacterProblem('Unit', unit);
  if (unitProblem) errors.quantityUnit = unitProblem;
  const qualifier = (qualifierText || 'exactly') as QuantityQualifier;
  if (!QUANTITY_QUALIFIERS.includes(qualifier)) errors.quantityQualifier = `Qualifier must be one of: about, more than, fewer than, exactly.`;
  return { value, unit, qualifier };
}

export function splitTags(text: string): string[] {
  return [...new Set(text.split(/[,;]/).map((t) => t.trim()).filter(Boolean))];
}
