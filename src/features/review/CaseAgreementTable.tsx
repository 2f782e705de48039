// Agreement for the whole case: per image, the case as a whole, and per label; exportable as CSV.
import { caseAgreementCsv, figure, signed, type CaseAgreement } from '../../model/review/caseAgreement';
import { saveTextFile } from '../../platform/fileChooser';

interface Props {
  agreement: CaseAgreement;
  /** The case's name as a file-name stem. */
  fileStem: string;
  /** The two sides as the CSV names them. */
  sideA: string;
  sideB: string;
}

export function CaseAgreementTable({ agreement, fileStem, sideA, sideB }: Props) {
  const exportCsv = () => saveTextFile(`${fileStem}-agreement.csv`, caseAgreementCsv(agreement, sideA, sideB), 'text/csv');
  return (
    <section className="case-agreement" aria-label="Agreement in this case">
      <table className="small" aria-label="Agreement per image">
        <thead>
          <tr>
            <th>image</th>
            <th>pairs</th>
            <th>only A</th>
            <th>only B</th>
            <th>label differs</th>
            <th>mean IoU</th>
            <th>F1</th>
            <th>kappa</th>
          </tr>
        </thead>
        <tbody>
          {[...agreement.images.map((i) => ({ name: i.fileName, f: i.figures })), { name: 'All images', f: agreement.total }].map(({ name, f }) => (
            <tr key={name}>
              <td>{name}</td>
              <td>{f.matchedPairs}</td>
              <td>{f.aOnly}</td>
              <td>{f.bOnly}</td>
              <td>{f.labelDisagreements}</td>
              <td>{figure(f.meanIoU)}</td>
              <td>{figure(f.f1)}</td>
              <td>{figure(f.kappa)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="small" aria-label="Agreement per label">
        <thead>
          <tr>
            <th>label</th>
            <th>A</th>
            <th>B</th>
            <th>B − A</th>
            <th>pairs</th>
            <th>precision</th>
            <th>recall</th>
            <th>F1</th>
          </tr>
        </thead>
        <tbody>
          {agreement.labels.map((l) => (
            <tr key={l.label}>
              <td>{l.label}</td>
              <td>{l.a}</td>
              <td>{l.b}</td>
              <td>{signed(l.difference)}</td>
              <td>{l.pairs}</td>
              <td>{figure(l.precision)}</td>
              <td>{figure(l.recall)}</td>
              <td>{figure(l.f1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button onClick={exportCsv}>Export agreement CSV</button>
    </section>
  );
}
