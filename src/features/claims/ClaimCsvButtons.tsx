// Claims in and out as CSV. Good rows import together as one undoable step; bad rows are
// reported by line and skipped.
import { useState } from 'react';
import { MAX_CLAIMS_CSV_BYTES, readClaimsCsv, writeClaimsCsv } from '../../model/claimsCsv';
import { sortClaims } from '../../model/claimQuery';
import type { ClaimRecord } from '../../model/records';
import { chooseFiles, saveTextFile } from '../../platform/fileChooser';
import { createClaims } from '../../state/claimCommands';
import { useServices } from '../app/services';

interface Report {
  imported: number;
  problems: { line: number; message: string }[];
  error?: string;
  fileName: string;
}

export function ClaimCsvButtons({ claims }: { claims: readonly ClaimRecord[] }) {
  const services = useServices();
  const [report, setReport] = useState<Report | null>(null);

  const importCsv = async () => {
    const caseId = services.session.getState().caseId;
    const [file] = await chooseFiles('.csv,text/csv', false);
    if (!file || !caseId) return;
    if (file.size > MAX_CLAIMS_CSV_BYTES) {
      return setReport({ fileName: file.name, imported: 0, problems: [], error: `The file is larger than 5 MB. Nothing was imported.` });
    }
    const parsed = readClaimsCsv(await file.text());
    if (parsed.error) return setReport({ fileName: file.name, imported: 0, problems: parsed.problems, error: parsed.error });
    const created = parsed.claims.length ? await createClaims(services, caseId, parsed.claims) : [];
    setReport({ fileName: file.name, imported: created.length, problems: parsed.problems });
  };

  const exportCsv = () => saveTextFile('claims.csv', writeClaimsCsv(sortClaims(claims)), 'text/csv;charset=utf-8');

  return (
    <>
      <button onClick={() => void importCsv()}>Import claims CSV</button>
      <button disabled={claims.length === 0} onClick={exportCsv}>
        Export claims CSV
      </button>
      {report && (
        <div className="csv-report">
          {(report.error || report.problems.length > 0) && (
            <div role="alert" className="error">
              {report.error && <p>{report.error}</p>}
              {report.problems.length > 0 && <p>Skipped {report.problems.length === 1 ? 'one row' : `${report.problems.length} rows`} of {report.fileName}:</p>}
              <ul>
                {report.problems.map((p) => (
                  <li key={p.line}>{p.message}</li>
                ))}
              </ul>
            </div>
          )}
          {!report.error && (
            <p role="status">
              Imported {report.imported === 1 ? 'one claim' : `${report.imported} claims`} from {report.fileName}.
            </p>
          )}
          <button className="link" onClick={() => setReport(null)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
