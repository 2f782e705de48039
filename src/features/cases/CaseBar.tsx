// The header: which case is open, and creating, renaming, deleting and switching cases; bundles;
// the analyst's name; whether storage is persistent.
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { caseContents, listCases, type CaseContents } from '../../db/cases';
import { MAX_CASE_NAME } from '../../model/limits';
import type { CaseRecord } from '../../model/records';
import { removeCase, switchCase } from '../../state/caseSession';
import { createCase, renameCase } from '../../state/documentCommands';
import { useServices, useSession } from '../app/services';
import { Dialog, TextPrompt } from '../common/Dialog';
import { ExportBundleButton } from '../bundle/ExportBundleButton';
import { ImportBundleButton } from '../bundle/ImportBundleButton';
import { AnalystNameDialog } from './AnalystNameDialog';
import { StorageState } from '../app/StorageState';
import type { StartReport } from '../app/bootstrap';

type Open = { kind: 'none' } | { kind: 'new' } | { kind: 'rename'; record: CaseRecord } | { kind: 'delete'; record: CaseRecord; contents: CaseContents } | { kind: 'name' };

const validateCaseName = (name: string) => (!name ? 'A case needs a name.' : name.length > MAX_CASE_NAME ? `At most ${MAX_CASE_NAME} characters.` : null);

interface Props {
  newCaseRequested: boolean;
  onNewCaseHandled(): void;
  storage: StartReport;
}

export function CaseBar({ newCaseRequested, onNewCaseHandled, storage }: Props) {
  const services = useServices();
  const { db } = services;
  const caseId = useSession((s) => s.caseId);
  const analystName = useSession((s) => s.analystName);
  const cases = useLiveQuery(() => listCases(db), [db]) ?? [];
  const current = cases.find((c) => c.id === caseId);
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const dialog: Open = newCaseRequested && open.kind === 'none' ? { kind: 'new' } : open;
  const close = () => {
    setOpen({ kind: 'none' });
    onNewCaseHandled();
  };

  const switchTo = (id: string | null) => void switchCase(services, id);

  return (
    <header className="case-bar">
      <h1>Evidence Annotator</h1>
      <label className="case-picker">
        Case
        <select aria-label="Case" value={caseId ?? ''} onChange={(e) => switchTo(e.target.value || null)}>
          {cases.length === 0 && <option value="">No cases</option>}
          {cases.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <button onClick={() => setOpen({ kind: 'new' })}>New case</button>
      <button disabled={!current} onClick={() => current && setOpen({ kind: 'rename', record: current })}>
        Rename case
      </button>
      <button
        disabled={!current}
        onClick={async () => current && setOpen({ kind: 'delete', record: current, contents: await caseContents(db, current.id) })}
      >
        Delete case
      </button>
      <ExportBundleButton />
      <ImportBundleButton />
      <span className="spacer" />
      <StorageState durability={storage.storage} markerProblem={storage.markerProblem} />
      <button onClick={() => setOpen({ kind: 'name' })} title="Change the analyst name stamped on your changes">
        Analyst: {analystName || 'not set'}
      </button>

      {dialog.kind === 'new' && (
        <TextPrompt
          title="New case"
          label="Case name"
          initial=""
          submitLabel="Create case"
          validate={validateCaseName}
          onCancel={close}
          onSubmit={async (name) => {
            close();
            switchTo((await createCase(services, name)).id);
          }}
        />
      )}
      {dialog.kind === 'rename' && (
        <TextPrompt
          title="Rename case"
          label="Case name"
          initial={dialog.record.name}
          submitLabel="Rename"
          validate={validateCaseName}
          onCancel={close}
          onSubmit={(name) => {
            close();
            void renameCase(services, dialog.record.id, name);
          }}
        />
      )}
      {dialog.kind === 'delete' && (
        <Dialog
          title="Delete case"
          submitLabel="Delete case"
          danger
          onCancel={close}
          onSubmit={async () => {
            close();
            await removeCase(services, dialog.record.id);
          }}
        >
          <p>
            Delete the case “{dialog.record.name}” with its {plural(dialog.contents.images, 'image')}, {plural(dialog.contents.annotations, 'box', 'boxes')} and{' '}
            {plural(dialog.contents.claims, 'claim')}?
            This cannot be undone. Images that another case also holds are kept there.
          </p>
        </Dialog>
      )}
      {dialog.kind === 'name' && <AnalystNameDialog onDone={close} />}
    </header>
  );
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
