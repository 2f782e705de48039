// One audit record in words, for the history of a box or a claim: what changed, field by field,
// without bookkeeping (revision, timestamps).
import type { AuditRecord } from './records';

const BOOKKEEPING = new Set(['revision', 'updatedAt', 'createdAt']);
const GEOMETRY_WORDS: Record<string, string> = { x: 'moved', y: 'moved', width: 'resized', height: 'resized', rotation: 'rotated' };

type Fields = Record<string, unknown>;
const isFields = (v: unknown): v is Fields => typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A short value for a sentence: text and numbers as they are (text shortened), anything else as "…". */
function shown(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 39)}…"` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '…';
}

function changedKeys(before: Fields, after: Fields): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((k) => !BOOKKEEPING.has(k) && !same(before[k], after[k]));
}

/** "exported as bundle case-2026-01-05.evidence.zip": the kind and the file an export record names. */
function exportSummary(after: unknown): string {
  if (!isFields(after)) return 'exported';
  const kind = after.kind === 'annotations' ? `${String(after.format)} annotations` : 'bundle';
  return `exported as ${kind} ${String(after.file)}`;
}

export function changeSummary(record: Pick<AuditRecord, 'action' | 'before' | 'after'>): string {
  if (record.action === 'create') return 'created';
  if (record.action === 'delete') return 'deleted';
  if (record.action === 'import') return 'imported';
  if (record.action === 'export') return exportSummary(record.after);
  const { before, after } = record;
  if (!isFields(before) || !isFields(after)) return 'changed';
  const parts = changedKeys(before, after).flatMap((key) => {
    const [from, to] = [before[key], after[key]];
    if (key === 'geometry' && isFields(from) && isFields(to)) return [...new Set(changedKeys(from, to).map((k) => GEOMETRY_WORDS[k] ?? k))];
    if (isFields(from) || isFields(to)) {
      const inner = changedKeys(isFields(from) ? from : {}, isFields(to) ? to : {});
      return inner.map((k) => `${k}: ${shown(isFields(from) ? from[k] : undefined)} → ${shown(isFields(to) ? to[k] : undefined)}`);
    }
    return [`${key}: ${shown(from)} → ${shown(to)}`];
  });
  return parts.length ? parts.join('; ') : 'saved unchanged';
}
