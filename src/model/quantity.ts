// The quantity check of a claim: what the claim says against what the linked boxes show.
import type { Annotation, ClaimRecord, ImageRecord, LinkRecord, Quantity, Relation } from './records';

const QUALIFIER_WORDS: Record<Quantity['qualifier'], string> = { about: 'about', 'more-than': 'more than', 'fewer-than': 'fewer than', exactly: '' };

export function formatNumber(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** "more than 1,000 containers" */
export function formatQuantity(q: Quantity): string {
  return [QUALIFIER_WORDS[q.qualifier], formatNumber(q.value), q.unit].filter(Boolean).join(' ');
}

/** A crude English singular, enough to match units such as "containers" to the label "container". */
export function singular(word: string): string {
  const w = word.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/(ss|us)$/.test(w)) return w;
  if (/ies$/.test(w)) return `${w.slice(0, -3)}y`;
  if (/(x|ch|sh)es$/.test(w)) return w.slice(0, -2);
  return w.endsWith('s') ? w.slice(0, -1) : w;
}

/** The label of the case that a claim's unit names, if any ("containers" → "container"). */
export function labelForUnit(unit: string, labels: readonly string[]): string | null {
  const u = singular(unit);
  return labels.find((l) => singular(l) === u) ?? null;
}

/**
 * How many of `unit` a box shows: a box of the unit's own label counts its `count` attribute
 * where set, else one; a box of a group of them ("container stack" for "containers") counts
 * only through its `count` attribute, the number of units it holds.
 */
export function unitsShown(annotation: Annotation, unit: string): number {
  const u = singular(unit);
  const label = singular(annotation.label);
  if (label === u) return annotation.attributes.count ?? 1;
  if (label.startsWith(`${u} `) && annotation.attributes.count !== undefined) return annotation.attributes.count;
  return 0;
}

export interface LinkedBox {
  link: LinkRecord;
  annotation: Annotation;
  image: ImageRecord | undefined;
}

export interface Tally {
  total: number;
  boxes: number;
  images: number;
  /** The case's label that names the claim's unit: the singular, for a total of one ("container"). */
  label: string;
}

/**
 * Tallies what the boxes linked with the given relation (by default, those that support the
 * claim) show of the claim's unit; null when the claim has no quantity or no label of the case
 * names its unit.
 */
export function tallyEvidence(claim: ClaimRecord, linked: readonly LinkedBox[], labels: readonly string[], relation: Relation = 'supports'): Tally | null {
  const label = claim.quantity && labelForUnit(claim.quantity.unit, labels);
  if (!claim.quantity || !label) return null;
  const unit = claim.quantity.unit;
  const counted = linked.filter((l) => l.link.relation === relation && unitsShown(l.annotation, unit) > 0);
  return {
    total: counted.reduce((sum, l) => sum + unitsShown(l.annotation, unit), 0),
    boxes: counted.length,
    images: new Set(counted.map((l) => l.annotation.imageId)).size,
    label,
  };
}

/** "claimed: more than 1,000 containers; linked evidence: 312 containers in 4 images" */
export function describeTally(quantity: Quantity, tally: Tally): string {
  return `claimed: ${formatQuantity(quantity)}; linked evidence: ${describeEvidence(quantity, tally)}`;
}

/** "312 containers in 4 images", "1 container in 1 image": one unit is named by its label. */
export function describeEvidence(quantity: Quantity, tally: Tally): string {
  const units = tally.total === 1 ? tally.label : quantity.unit;
  return `${formatNumber(tally.total)} ${units} in ${tally.images} ${tally.images === 1 ? 'image' : 'images'}`;
}

/** Whether the tally meets the claimed figure, as far as boxes can tell. */
export function tallyVerdict(quantity: Quantity, total: number): 'meets' | 'short' | 'exceeds' {
  const v = quantity.value;
  switch (quantity.qualifier) {
    case 'more-than':
      return total > v ? 'meets' : 'short';
    case 'fewer-than':
      return total < v ? 'meets' : 'exceeds';
    case 'exactly':
      return total === v ? 'meets' : total < v ? 'short' : 'exceeds';
    case 'about':
      return Math.abs(total - v) <= Math.max(1, v * 0.1) ? 'meets' : total < v ? 'short' : 'exceeds';
  }
}
