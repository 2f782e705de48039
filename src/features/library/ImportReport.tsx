// What the latest import did: progress, files refused (role "alert"), files already present.
import { useImportStatus } from './importStatus';

export function ImportReport() {
  const { running, progress, outcomes, failure } = useImportStatus();
  const refused = outcomes.filter((o) => o.kind === 'refused');
  const duplicates = outcomes.filter((o) => o.kind === 'duplicate');
  const imported = outcomes.filter((o) => o.kind === 'imported');
  const dismiss = () => useImportStatus.setState({ outcomes: [], failure: null });
  return (
    <div className="import-report">
      {running && progress && (
        <div role="status">
          Importing {Math.min(progress.done + 1, progress.total)} of {progress.total}: {progress.current}
          <progress max={progress.total} value={progress.done} />
        </div>
      )}
      {(refused.length > 0 || failure) && (
        <div role="alert" className="error">
          {failure && <p>{failure}</p>}
          {refused.map((o, i) => (
            <p key={i}>{o.message}</p>
          ))}
        </div>
      )}
      {!running && (imported.length > 0 || duplicates.length > 0) && (
        <div role="status" className="info">
          {imported.length > 0 && <p>Imported {imported.length === 1 ? imported[0]!.fileName : `${imported.length} images`}.</p>}
          {duplicates.map((o, i) => (
            <p key={i}>
              {o.fileName} is already in this case (same SHA-256 as “{o.existing.fileName}”): it was not added again.
            </p>
          ))}
        </div>
      )}
      {!running && (outcomes.length > 0 || failure) && (
        <button className="link" onClick={dismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
