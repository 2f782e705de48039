// "Import bundle": an ordinary file chooser, the bundle checked in full, then a preview of what
// would change (added, already present, conflicts) before one transaction writes it.
import { useState } from 'react';
import type { ImportPlan } from '../../bundle/importPlan';
import { chooseFiles } from '../../platform/fileChooser';
import { deriveImages } from '../../platform/deriveImages';
import { checkBundleFile, importAndOpen, planBundleImport, type ImportTarget, type VerifiedBundle } from '../../state/importBundle';
import { useServices, useSession } from '../app/services';
import { Outcome } from '../common/Outcome';
import { ImportPreview } from './ImportPreview';
import { messageOf } from '../../model/errorMessage';

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; fileName: string; done: number; total: number }
  | { kind: 'preview'; fileName: string; bundle: VerifiedBundle; target: ImportTarget; plan: ImportPlan }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

export function ImportBundleButton() {
  const services = useServices();
  const caseId = useSession((s) => s.caseId);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const choose = async () => {
    const [file] = await chooseFiles('.zip,application/zip', false);
    if (!file) return;
    setState({ kind: 'reading', fileName: file.name, done: 0, total: file.size });
    const checked = await checkBundleFile(file, (done, total) => setState({ kind: 'reading', fileName: file.name, done, total }));
    if (!checked.ok) return setState({ kind: 'failed', message: checked.message });
    const target: ImportTarget = { kind: 'own' };
    setState({ kind: 'preview', fileName: file.name, bundle: checked.bundle, target, plan: await planBundleImport(services, checked.bundle, target) });
  };

  const retarget = async (target: ImportTarget) => {
    if (state.kind !== 'preview') return;
    setState({ ...state, target, plan: await planBundleImport(services, state.bundle, target) });
  };

  const commit = async () => {
    if (state.kind !== 'preview') return;
    try {
      const message = await services.work.during(() => importAndOpen(services, state.bundle, state.plan, state.fileName, deriveImages));
      setState({ kind: 'done', message });
    } catch (error) {
      setState({ kind: 'failed', message: messageOf(error) });
    }
  };

  return (
    <>
      <button disabled={state.kind === 'reading'} onClick={() => void choose()} title="Check and import a bundle (.zip) exported by this app">
        Import bundle
      </button>
      {state.kind === 'reading' && (
        <span className="export-progress">
          Checking {state.fileName} <progress aria-label="Import progress" max={Math.max(state.total, 1)} value={state.done} />
        </span>
      )}
      {state.kind === 'preview' && (
        <ImportPreview
          manifest={state.bundle.manifest}
          plan={state.plan}
          target={state.target}
          openCaseId={caseId}
          onTarget={(t) => void retarget(t)}
          onImport={() => void commit()}
          onCancel={() => setState({ kind: 'idle' })}
        />
      )}
      <Outcome state={state} />
    </>
  );
}
