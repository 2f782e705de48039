// "Export bundle": streams the open case into a .zip with a progress bar and Cancel. The web
// build ends in an ordinary download; Electron writes through main into a temporary file that is
// renamed into place. A cancelled or failed export leaves no file.
import { useRef, useState } from 'react';
import { getCase } from '../../db/cases';
import { ExportCancelled } from '../../bundle/writeBundle';
import type { FileSink } from '../../platform/fileSink';
import { renderCrops, renderOverlay } from '../../canvas/renderEvidence';
import { writeBundleInWorker } from '../../bundle/writeBundleInWorker';
import { bundleWorker } from '../../workers';
import { bundleFileName, exportCaseBundle, recordBundleExport, type ExportTools } from '../../state/exportBundle';
import { useServices, useSession } from '../app/services';
import { Outcome } from '../common/Outcome';
import { messageOf } from '../../model/errorMessage';

const TOOLS: ExportTools = { renderer: { overlay: renderOverlay, crops: renderCrops }, write: writeBundleInWorker(bundleWorker) };

type State = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

export function ExportBundleButton() {
  const services = useServices();
  const caseId = useSession((s) => s.caseId);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    if (!caseId) return;
    const record = await getCase(services.db, caseId);
    let sink: FileSink | null;
    try {
      sink = await services.platform.saveFile(bundleFileName(record?.name ?? 'case'), 'application/zip');
    } catch (error) {
      return setState({ kind: 'failed', message: messageOf(error) });
    }
    if (!sink) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', done: 0, total: 1 });
    try {
      const options = { signal: controller.signal, onProgress: (done: number, total: number) => setState({ kind: 'running', done, total }) };
      const manifest = await services.work.during(async () => {
        const written = await exportCaseBundle(services, caseId, sink, options, TOOLS);
        await sink.close();
        return written;
      });
      await recordBundleExport(services, caseId, manifest, sink.name).then(
        () => setState({ kind: 'done', message: `Exported ${sink.name}` }),
        (error: unknown) => setState({ kind: 'failed', message: `Exported ${sink.name}, but the audit record of the export could not be saved: ${messageOf(error)}` }),
      );
    } catch (error) {
      await sink.abort();
      if (error instanceof ExportCancelled) setState({ kind: 'idle' });
      else setState({ kind: 'failed', message: messageOf(error) });
    } finally {
      abort.current = null;
    }
  };

  return (
    <>
      <button disabled={!caseId || state.kind === 'running'} onClick={() => void run()} title="Save this case with its images, boxes, claims and audit log as one verifiable .zip">
        Export bundle
      </button>
      {state.kind === 'running' && (
        <span className="export-progress">
          <progress aria-label="Export progress" max={state.total} value={state.done} />
          {Math.floor((100 * state.done) / Math.max(state.total, 1))}%
          <button className="link" onClick={() => abort.current?.abort()}>
            Cancel export
          </button>
        </span>
      )}
      <Outcome state={state} />
    </>
  );
}
