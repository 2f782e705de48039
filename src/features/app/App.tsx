// The window: case bar on top, images on the left, the canvas in the middle, the inspector on
// the right. Files dropped anywhere are imported; native menu commands are routed here.
import { useEffect, useState, type DragEvent } from 'react';
import { fromFile } from '../../platform/platform';
import { isTextEntry } from '../../canvas/textEntry';
import { requestView } from '../../canvas/viewRequests';
import { AnalystNameDialog } from '../cases/AnalystNameDialog';
import { CaseBar } from '../cases/CaseBar';
import { LinkFlow } from '../claims/LinkFlow';
import { useCaseClaims } from '../claims/useCaseClaims';
import { CenterArea } from './CenterArea';
import { SidePanel } from './SidePanel';
import { useAnnotateActions } from '../annotate/useAnnotateActions';
import { useOpenDocument } from '../annotate/useOpenDocument';
import { useShortcuts } from '../annotate/useShortcuts';
import { ImagePanel } from '../library/ImagePanel';
import { useImport } from '../library/useImport';
import { bootstrap, type StartReport } from './bootstrap';
import { LostDatabaseNotice } from './LostDatabaseNotice';
import { SaveFailure } from './SaveFailure';
import { useLeaveGuard } from './useLeaveGuard';
import { useServices, useSession } from './services';
import { caseLabels } from '../../model/labels';
import { messageOf } from '../../model/errorMessage';

type Boot = { state: 'starting' } | { state: 'ready'; report: StartReport } | { state: 'failed'; error: string };

export function App() {
  const services = useServices();
  const [boot, setBoot] = useState<Boot>({ state: 'starting' });
  const [newCaseRequested, setNewCaseRequested] = useState(false);
  const [dragging, setDragging] = useState(false);
  const analystName = useSession((s) => s.analystName);
  const doc = useOpenDocument();
  const claims = useCaseClaims();
  const actions = useAnnotateActions();
  const { importFiles, pickAndImport } = useImport();
  useShortcuts(actions, services.session, caseLabels(doc.caseRecord));
  useLeaveGuard(services.work);

  useEffect(() => {
    bootstrap(services).then(
      (report) => setBoot({ state: 'ready', report }),
      (error: unknown) => setBoot({ state: 'failed', error: messageOf(error) }),
    );
  }, [services]);

  useEffect(
    () =>
      services.platform.onMenuCommand((command) => {
        // In a text field the Edit menu edits the text (macOS sends its keys through the menu).
        const typing = isTextEntry(document.activeElement);
        if (typing && (command === 'undo' || command === 'redo')) document.execCommand(command);
        else if (typing && command === 'delete') document.execCommand('delete');
        else if (command === 'new-case') setNewCaseRequested(true);
        else if (command === 'import-images') void pickAndImport();
        else if (command === 'undo') void actions.undo();
        else if (command === 'redo') void actions.redo();
        else if (command === 'delete') void actions.deleteSelected();
        else requestView(command);
      }),
    [services, actions, pickAndImport],
  );

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void importFiles(Array.from(e.dataTransfer.files, fromFile));
  };

  if (boot.state === 'starting') return <p className="splash">Opening your cases…</p>;
  if (boot.state === 'failed') {
    return (
      <p role="alert" className="splash error">
        The app could not open its database: {boot.error}. Nothing was changed.
      </p>
    );
  }
  const { database } = boot.report;
  return (
    <div
      className={`app${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        if (!e.dataTransfer.types.includes('Files')) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => e.currentTarget === e.target && setDragging(false)}
      onDrop={onDrop}
    >
      <CaseBar newCaseRequested={newCaseRequested} onNewCaseHandled={() => setNewCaseRequested(false)} storage={boot.report} />
      <ImagePanel open={doc.image ? { imageId: doc.image.id, count: doc.annotations.length } : null} />
      <CenterArea doc={doc} actions={actions} claims={claims} />
      <SidePanel doc={doc} actions={actions} claims={claims} />
      <LinkFlow claims={claims} />
      <SaveFailure />
      {database.kind === 'lost' ? (
        <LostDatabaseNotice marker={database.marker} onDone={() => setBoot({ state: 'ready', report: { ...boot.report, database: { kind: 'same' } } })} />
      ) : (
        !analystName && <AnalystNameDialog required onDone={() => {}} />
      )}
      {dragging && <div className="drop-hint">Drop images to import them into this case</div>}
    </div>
  );
}
