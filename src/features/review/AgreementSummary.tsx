// The figures for one image: pairs, one-sided boxes, label disagreements, mean IoU,
// precision/recall/F1 of B against A, Cohen's kappa, and the count of each label on each side.
import type { AgreementFigures } from '../../model/review/agreement';
import { figure, signed } from '../../model/review/caseAgreement';

const KAPPA_WHY = { 'no-pairs': 'no pairs', 'one-label': 'one label only' } as const;

export function AgreementSummary({ figures }: { figures: AgreementFigures }) {
  const rows: [string, string][] = [
    ['Matched pairs', String(figures.matchedPairs)],
    ['Only A', String(figures.aOnly)],
    ['Only B', String(figures.bOnly)],
    ['Label disagreements', String(figures.labelDisagreements)],
    ['Mean IoU', figure(figures.meanIoU)],
    ['Precision', figure(figures.precision)],
    ['Recall', figure(figures.recall)],
    ['F1', figure(figures.f1)],
    ["Cohen's kappa", figures.kappaUndefined ? `undefined (${KAPPA_WHY[figures.kappaUndefined]})` : figure(figures.kappa)],
  ];
  return (
    <section aria-label="Agreement on this image">
      <dl className="figures">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <table className="small">
        <caption>Boxes per label</caption>
        <thead>
          <tr>
            <th>label</th>
            <th>A</th>
            <th>B</th>
            <th>B − A</th>
          </tr>
        </thead>
        <tbody>
          {figures.labelCounts.map((c) => (
            <tr key={c.label}>
              <td>{c.label}</td>
              <td>{c.a}</td>
              <td>{c.b}</td>
              <td>{signed(c.difference)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
