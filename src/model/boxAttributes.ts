// Validation of a box's attributes as typed into the details panel.
import { z } from 'zod';
import { MAX_TEXT_FIELD } from './limits';
import { CONFIDENCES, type BoxAttributes } from './records';

export const boxAttributesSchema = z.object({
  note: z.string().max(MAX_TEXT_FIELD, `A note can have at most ${MAX_TEXT_FIELD.toLocaleString('en-US')} characters`).optional(),
  confidence: z.enum(CONFIDENCES).optional(),
  count: z.number().int('Count must be a whole number').min(0, 'Count cannot be negative').max(1_000_000, 'Count is too large').optional(),
  name: z.string().max(200, 'A name can have at most 200 characters').optional(),
});

/** Empty fields are removed rather than stored as empty strings. */
export function cleanAttributes(input: BoxAttributes): BoxAttributes {
  const out: BoxAttributes = {};
  if (input.note?.trim()) out.note = input.note.trim();
  if (input.confidence) out.confidence = input.confidence;
  if (input.count !== undefined && !Number.isNaN(input.count)) out.count = input.count;
  if (input.name?.trim()) out.name = input.name.trim();
  return out;
}

export type AttributesCheck = { ok: true; value: BoxAttributes } | { ok: false; error: string };

export function validateAttributes(input: BoxAttributes): AttributesCheck {
  const cleaned = cleanAttributes(input);
  const parsed = boxAttributesSchema.safeParse(cleaned);
  return parsed.success ? { ok: true, value: cleaned } : { ok: false, error: parsed.error.issues[0]?.message ?? 'Invalid attributes' };
}
