// Validation of an image's provenance as typed into the form.
import { z } from 'zod';
import { parsePartialDate } from './dates';
import { MAX_TEXT_FIELD } from './limits';
import type { ImageSource } from './records';

const line = (label: string) => z.string().trim().max(500, `${label} can have at most 500 characters`);
const partialDate = z
  .string()
  .trim()
  .refine((v) => v === '' || parsePartialDate(v).ok, { error: (issue) => { const r = parsePartialDate(String(issue.input)); return r.ok ? '' : r.error; } });

export const provenanceSchema = z.object({
  title: line('Title'),
  publisher: line('Publisher'),
  url: z
    .string()
    .trim()
    .max(2000, 'The URL can have at most 2,000 characters')
    .refine((v) => v === '' || isWebUrl(v), 'The source URL must start with http:// or https://'),
  credit: line('Credit'),
  licence: line('Licence'),
  releasedAt: partialDate,
  capturedAt: partialDate,
  notes: z.string().max(MAX_TEXT_FIELD, `Notes can have at most ${MAX_TEXT_FIELD.toLocaleString('en-US')} characters`),
});

export type ProvenanceInput = z.input<typeof provenanceSchema>;
export type ProvenanceFields = keyof ProvenanceInput;

export interface ProvenanceValue {
  source: ImageSource;
  releasedAt: string;
  capturedAt: string;
  notes: string;
}

export type ProvenanceCheck =
  | { ok: true; value: ProvenanceValue }
  | { ok: false; errors: Partial<Record<ProvenanceFields, string>> };

export function validateProvenance(input: ProvenanceInput): ProvenanceCheck {
  const parsed = provenanceSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Partial<Record<ProvenanceFields, string>> = {};
    for (const issue of parsed.error.issues) errors[issue.path[0] as ProvenanceFields] ??= issue.message;
    return { ok: false, errors };
  }
  const { title, publisher, url, credit, licence, releasedAt, capturedAt, notes } = parsed.data;
  return { ok: true, value: { source: { title, publisher, url, credit, licence }, releasedAt, capturedAt, notes } };
}

export function isWebUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
