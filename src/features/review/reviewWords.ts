// How the review view names difference kinds and verdicts.
import type { ReviewDifference } from '../../model/review/differences';
import type { Verdict } from '../../model/records';
import { VERDICT_WORDS } from '../../model/review/verdicts';

/** "Accept A", "Both wrong", …: the report's words, capitalised as buttons and badges are. */
export const verdictName = (v: Verdict) => VERDICT_WORDS[v].charAt(0).toUpperCase() + VERDICT_WORDS[v].slice(1);

const iou = (d: ReviewDifference) => (d.iou === null ? '' : ` (IoU ${d.iou.toFixed(2)})`);

export function describeDifference(d: ReviewDifference): string {
  switch (d.kind) {
    case 'a-only':
      return `Only A: ${d.aLabel}`;
    case 'b-only':
      return `Only B: ${d.bLabel}`;
    case 'label-mismatch':
      return `Label differs: ${d.aLabel} / ${d.bLabel}${iou(d)}`;
    case 'low-iou':
      return `Drawn differently: ${d.aLabel}${iou(d)}`;
  }
}

/** The key a verdict and its difference share: the pair of box ids. */
export const differenceKey = (aBoxId: string | null, bBoxId: string | null) => `${aBoxId ?? '-'}|${bBoxId ?? '-'}`;
