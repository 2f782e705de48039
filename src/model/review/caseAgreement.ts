// Agreement across a case (issue #5): one row per image compared, a row for the whole case
// (recomputed from summed counts, see agreement.ts) and one row per label; and the same table as
// CSV for a spreadsheet.
import { formatCsvRow, neutraliseFormulaCell } from '../csv';
import { sumAgreement, type AgreementFigures, type AgreementTallies } from './agreement';

export interface ImageAgreement {
  imageId: string;
  fileName: string;
  figures: AgreementFigures;
}

/** How far A and B agree on one label: same-label pairs of it against each side's count. */
export interface LabelAgreement {
  label: string;
  a: number;
  b: number;
  /** b − a. */
  difference: number;
  pairs: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface CaseAgreement {
  images: ImageAgreement[];
  total: AgreementFigures;
  labels: LabelAgreement[];
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export function labelAgreement(tallies: AgreementTallies): LabelAgreement[] {
  const pairs = new Map<string, number>();
  for (const p of tallies.labelPairs) if (p.aLabel === p.bLabel) pairs.set(p.aLabel, p.pairs);
  return tallies.labelCounts.map(({ label, a, b, difference }) => {
    const n = pairs.get(label) ?? 0;
    return { label, a, b, difference, pairs: n, precision: ratio(n, b), recall: ratio(n, a), f1: ratio(2 * n, a + b) };
  });
}

export function caseAgreement(images: readonly ImageAgreement[]): CaseAgreement {
  const total = sumAgreement(images.map((i) => i.figures));
  return { images: [...images], total, labels: labelAgreement(total) };
}

const HEADER = ['scope', 'name', 'A boxes', 'B boxes', 'same-label pairs', 'label disagreements', 'A only', 'B only', 'mean IoU', 'precision', 'recall', 'F1', 'kappa'];

/** A figure as the table and the CSV show it: three decimals, or empty when undefined. */
export const figure = (value: number | null) => (value === null ? '' : value.toFixed(3));

/** A difference of counts with its sign: "+2", "0", "-1". */
export const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

const boxesOf = (f: AgreementTallies, side: 'a' | 'b') => f.labelCounts.reduce((n, c) => n + c[side], 0);

function figuresRow(scope: string, name: string, f: AgreementFigures): string[] {
  return [scope, name, String(boxesOf(f, 'a')), String(boxesOf(f, 'b')), String(f.sameLabelPairs), String(f.labelDisagreements), String(f.aOnly), String(f.bOnly), figure(f.meanIoU), figure(f.precision), figure(f.recall), figure(f.f1), figure(f.kappa)];
}

/** The table as CSV (RFC 4180, names made inert for spreadsheets), authors named on top. */
export function caseAgreementCsv(agreement: CaseAgreement, authorA: string, authorB: string): string {
  const rows = [
    ['A', authorA],
    ['B', authorB],
    HEADER,
    ...agreement.images.map((i) => figuresRow('image', i.fileName, i.figures)),
    figuresRow('case', 'all images', agreement.total),
    ...agreement.labels.map((l) => ['label', l.label, String(l.a), String(l.b), String(l.pairs), '', '', '', '', figure(l.precision), figure(l.recall), figure(l.f1), '']),
  ];
  return rows.map((r) => formatCsvRow(r.map(neutraliseFormulaCell))).join('\r\n') + '\r\n';
}
