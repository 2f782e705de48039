// The label set of a case. Boxes store the label's name; colour and shortcut belong to the case.

export interface LabelDef {
  name: string;
  /** CSS hex colour, #rrggbb. */
  color: string;
}

export const DEFAULT_LABELS: readonly LabelDef[] = [
  { name: 'ship', color: '#ff4d4f' },
  { name: 'container', color: '#fadb14' },
  { name: 'container stack', color: '#fa8c16' },
  { name: 'crane', color: '#13c2c2' },
  { name: 'vehicle', color: '#a0d911' },
  { name: 'rail car', color: '#b37feb' },
  { name: 'other', color: '#d9d9d9' },
];

/** Labels are chosen with Shift+1..9 (plain 0 and 1 belong to zoom). */
export const MAX_LABEL_SHORTCUTS = 9;

export const FALLBACK_COLOR = '#d9d9d9';

export function labelColor(labels: readonly LabelDef[], name: string): string {
  return labels.find((l) => l.name === name)?.color ?? FALLBACK_COLOR;
}

export function validateLabelName(name: string, existing: readonly LabelDef[]): string | null {
  const trimmed = name.trim();
  if (!trimmed) return 'A label needs a name.';
  if (trimmed.length > 60) return 'A label name can have at most 60 characters.';
  if (existing.some((l) => l.name.toLowerCase() === trimmed.toLowerCase())) return `There is already a label "${trimmed}".`;
  return null;
}

export function isHexColor(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

/** The label set of a case, or the default set while the case is still loading. */
export function caseLabels(caseRecord: { labels: readonly LabelDef[] } | undefined): readonly LabelDef[] {
  return caseRecord?.labels ?? DEFAULT_LABELS;
}

/** The label new boxes get: the chosen one while the case still has it, else the first. */
export function effectiveLabel(chosen: string, labels: readonly LabelDef[]): string {
  return labels.some((l) => l.name === chosen) ? chosen : (labels[0]?.name ?? 'other');
}
