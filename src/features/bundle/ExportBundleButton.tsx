// "Export bundle": streams the open case into a .zip with a progress bar and Cancel. In the web
// build the result is an ordinary download; a cancelled or failed export leaves no file.
import { useRef, useState } from 'react';
import { getCase } from '../../db/cases';
import { ExportCancelled } from '../../bundle/writeBundle';
import { saveBlob } from '../../platform/fileChooser';
import { renderCrops, renderOverlay } from '../../canvas/renderEvidence';
import { bundleFileName, exportCaseBundle, type EvidenceRenderer } from '../../state/exportBundle';
import { useServices, useSession } from '../app/services';
import { Outcome } from '../common/Outcome';

const EVIDENCE_RENDERER: EvidenceRenderer = { overlay: renderOverlay, crops: renderCrops };

type State = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; message: string } | { kind: 'failed'; message: string };

export function ExportBundleButton() {
  const services = useServices();
  const caseId = useSession((s) => s.caseId);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const abort = useRef<AbortController | null>(null);

  const run = async () => {
    if (!caseId) return;
    const controller = new AbortController();
    abort.current = controller;
    setState({ kind: 'running', done: 0, total: 1 });
    // The browser keeps Blob parts out of the page's heap; nothing is saved until the end.
    const parts: Uint8Array<ArrayBuffer>[] = [];
    try {
      const record = await getCase(services.db, caseId);
      await exportCaseBundle(services, caseId, { write: async (chunk) => void parts.push(chunk as Uint8Array<ArrayBuffer>) }, {
        signal: controller.signal,
        onProgress: (done, total) => setState({ kind: 'running', done, total }),
      }, EVIDENCE_RENDERER);
      const fileName = bundleFileName(record?.name ?? 'case');
      saveBlob(fileName, new Blob(parts, { type: 'application/zip' }));
      setState({ kind: 'done', message: `Exported ${fileName}` });
    } catch (error) {
      parts.length = 0;
      if (error instanceof ExportCancelled) setState({ kind: 'idle' });
      else setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
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
