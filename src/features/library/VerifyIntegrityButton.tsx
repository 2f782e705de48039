// "Verify integrity": hashes every stored original again and checks the audit log, with progress;
// the result, good or bad, is one status line that names each problem by file and case.
import { useState } from 'react';
import { describeIntegrity, verifyIntegrity } from '../../state/verifyIntegrity';
import { useServices } from '../app/services';
import { messageOf } from '../../model/errorMessage';

type State = { kind: 'idle' } | { kind: 'running'; done: number; total: number } | { kind: 'done'; message: string; ok: boolean };

export function VerifyIntegrityButton() {
  const { db } = useServices();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async () => {
    setState({ kind: 'running', done: 0, total: 1 });
    try {
      const report = await verifyIntegrity(db, (done, total) => setState({ kind: 'running', done, total }));
      setState({ kind: 'done', message: describeIntegrity(report), ok: report.problems.length === 0 });
    } catch (error) {
      setState({ kind: 'done', message: `Integrity could not be checked: ${messageOf(error)}.`, ok: false });
    }
  };

  return (
    <>
      <button disabled={state.kind === 'running'} onClick={() => void run()} title="Hash every stored original again against its recorded SHA-256 and check the audit log">
        Verify integrity
      </button>
      {state.kind === 'running' && <progress aria-label="Verification progress" max={state.total} value={state.done} />}
      {state.kind === 'done' && (
        <span role="status" className={state.ok ? 'muted small' : 'error small'}>
          {state.message}
        </span>
      )}
    </>
  );
}
