// Claims in and out as CSV, one claim a row (README "Claims from CSV"). Each row is checked by
// the same checkClaim as the form, so a CSV can never store what the form would refuse.
import { checkClaim, claimToInput, emptyClaimInput, type ClaimFields, type ClaimInput } from './claimInput';
import { formatCsvRow, neutraliseFormulaCell, parseCsv, restoreFormulaCell } from './csv';
import type { QuantityQualifier } from './records';

export { parseCsv } from './csv';

export const CLAIM_CSV_COLUMNS = [
  'statement',
  'claimant',
  'role',
  'claimed_at',
  'period_from',
  'period_to',
  'source_title',
  'source_publisher',
  'source_url',
  'source_accessed_at',
  'quantity_value',
  'quantity_unit',
  'quantity_qualifier',
  'tags',
  'notes',
] as const;
export type ClaimCsvColumn = (typeof CLAIM_CSV_COLUMNS)[number];

const FIELD_OF_COLUMN: Record<ClaimCsvColumn, keyof ClaimInput> = {
  statement: 'statement',
  claimant: 'claimant',
  role: 'role',
  claimed_at: 'claimedAt',
  period_from: 'periodFrom',
  period_to: 'periodTo',
  source_title: 'sourceTitle',
  source_publisher: 'sourcePublisher',
  source_url: 'sourceUrl',
  source_accessed_at: 'sourceAccessedAt',
  quantity_value: 'quantityValue',
  quantity_unit: 'quantityUnit',
  quantity_qualifier: 'quantityQualifier',
  tags: 'tags',
  notes: 'notes',
};

/** Checked on the text before parsing, so an oversized file costs nothing to refuse. */
export const MAX_CLAIMS_CSV_BYTES = 5 * 1024 * 1024;
/** Rows after the header, blank lines included (they are cheap to count, costly to keep). */
export const MAX_CLAIMS_CSV_ROWS = 10_000;

export interface ClaimsCsvProblem {
  /** The physical line on which the row starts. */
  line: number;
  message: string;
}

export interface ClaimsCsvRead {
  claims: ClaimFields[];
  problems: ClaimsCsvProblem[];
  /** Set when the whole file is refused; then `claims` and `problems` are empty. */
  error?: string;
}

/**
 * Reads claims from CSV text. A file-level fault (too large, unreadable quoting, a bad header)
 * refuses everything; a bad row is reported by its line and skipped while the others are kept.
 */
export function readClaimsCsv(text: string): ClaimsCsvRead {
  const refuse = (why: string): ClaimsCsvRead => ({ claims: [], problems: [], error: `${why} Nothing was imported.` });
  // UTF-16 length never exceeds the UTF-8 byte count, so the cheap test settles most large files.
  if (text.length > MAX_CLAIMS_CSV_BYTES || new TextEncoder().encode(text).byteLength > MAX_CLAIMS_CSV_BYTES) {
    return refuse('The CSV is larger than 5 MiB, the most this app reads at once; split it into smaller files.');
  }
  const parsed = parseCsv(text, { maxRows: MAX_CLAIMS_CSV_ROWS + 1 });
  if ('error' in parsed) {
    return refuse(parsed.tooManyRows
      ? `The CSV has more than ${MAX_CLAIMS_CSV_ROWS.toLocaleString('en-US')} rows after the header; split it into smaller files.`
      : parsed.error);
  }
  const [header, ...body] = parsed.rows;
  const columns = header ? readHeader(header) : { error: 'The CSV is empty; its first line must be the header.' };
  if ('error' in columns) return refuse(columns.error);

  const claims: ClaimFields[] = [];
  const problems: ClaimsCsvProblem[] = [];
  body.forEach((cells, index) => {
    const line = parsed.lineOfRow[index + 1] ?? 0;
    if (cells.every((c) => c.trim() === '')) return;
    if (cells.length !== columns.length) {
      problems.push({ line, message: `line ${line}: expected ${columns.length} cells, found ${cells.length}.` });
      return;
    }
    const input = emptyClaimInput();
    columns.forEach((column, k) => {
      input[FIELD_OF_COLUMN[column]] = restoreFormulaCell(cells[k] ?? '');
    });
    const check = checkClaim(input);
    if (check.ok) claims.push(check.value);
    else problems.push({ line, message: `line ${line}: ${describeErrors(check.errors)}` });
  });
  return { claims, problems };
}

function normaliseHeader(name: string): string {
  return name.trim().toLowerCase().replace(/[\s-]+/g, '_');
}

/**
 * Unknown columns refuse the file rather than being ignored: a misspelt "claimed_on" would
 * otherwise drop every date without a word.
 */
function readHeader(header: readonly string[]): ClaimCsvColumn[] | { error: string } {
  const known = new Set<string>(CLAIM_CSV_COLUMNS);
  const seen = new Set<string>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  header.forEach((raw, k) => {
    const name = normaliseHeader(raw);
    if (!known.has(name)) unknown.push(name ? `"${raw.trim()}" (column ${k + 1})` : `an unnamed column (column ${k + 1})`);
    else if (seen.has(name)) duplicate.push(`"${name}"`);
    seen.add(name);
  });
  const faults: string[] = [];
  if (!seen.has('statement')) faults.push('The CSV has no "statement" column.');
  if (unknown.length) faults.push(`The CSV has ${unknown.length === 1 ? 'an unknown column' : 'unknown columns'}: ${unknown.join(', ')}.`);
  if (duplicate.length) faults.push(`The CSV repeats ${duplicate.length === 1 ? 'a column' : 'columns'}: ${[...new Set(duplicate)].join(', ')}.`);
  if (faults.length) return { error: `${faults.join(' ')} The first line must name the columns, from: ${CLAIM_CSV_COLUMNS.join(', ')}.` };
  return header.map((raw) => normaliseHeader(raw) as ClaimCsvColumn);
}

// In column order, so a row's report reads left to right like the row itself.
function describeErrors(errors: Partial<Record<keyof ClaimInput, string>>): string {
  const messages = CLAIM_CSV_COLUMNS.map((c) => errors[FIELD_OF_COLUMN[c]]).filter((m): m is string => !!m);
  return `${messages.map((m) => m.replace(/\.$/, '')).join('; ')}.`;
}

const QUALIFIER_WORDS: Record<QuantityQualifier, string> = { about: 'about', 'more-than': 'more than', 'fewer-than': 'fewer than', exactly: 'exactly' };

function claimCells(claim: ClaimFields): string[] {
  const input: ClaimInput = {
    ...claimToInput(claim),
    tags: claim.tags.join('; '),
    quantityQualifier: claim.quantity ? QUALIFIER_WORDS[claim.quantity.qualifier] : '',
  };
  return CLAIM_CSV_COLUMNS.map((c) => input[FIELD_OF_COLUMN[c]]);
}

/**
 * The claims as CSV with a header row and CRLF line ends. Cells a spreadsheet would run as a
 * formula are prefixed with ' before quoting; readClaimsCsv removes that prefix again.
 */
export function writeClaimsCsv(claims: readonly ClaimFields[]): string {
  return [CLAIM_CSV_COLUMNS, ...claims.map(claimCells)].map((cells) => `${formatCsvRow(cells.map(neutraliseFormulaCell))}\r\n`).join('');
}
