// "Export annotations", beside "Import annotations": opens the export dialog and, once a file is
// saved, says what went into it.
import { useState } from 'react';
import { useSession } from '../app/services';
import { Outcome } from '../common/Outcome';
import { ExportAnnotationsDialog } from './ExportAnnotationsDialog';

type State = { kind: 'idle' } | { kind: 'open' } | { kind: 'done'; message: string };

export function ExportAnnotationsButton() {
  const caseId = useSession((s) => s.caseId);
  const imageId = useSession((s) => s.imageId);
  const [state, setState] = useState<State>({ kind: 'idle' });

  return (
    <>
      <button onClick={() => setState({ kind: 'open' })} disabled={!caseId} title="Save the boxes as COCO, Pascal VOC, YOLO, DOTA or CSV, for the open image or the whole case">
        Export annotations
      </button>
      {state.kind === 'open' && caseId && (
        <ExportAnnotationsDialog
          caseId={caseId}
          imageId={imageId}
          onExported={(message) => setState({ kind: 'done', message })}
          onCancel={() => setState({ kind: 'idle' })}
        />
      )}
      <Outcome state={state} />
    </>
  );
}
