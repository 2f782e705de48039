// The centre of the window: toolbar, the image canvas and the status bar.
import { useCallback, useMemo } from 'react';
import type { BoxMarks } from '../../canvas/drawBoxes';
import { ImageCanvas } from '../../canvas/ImageCanvas';
import type { SelectMode } from '../../canvas/gestures';
import { caseLabels } from '../../model/labels';
import type { Id } from '../../model/records';
import { useServices, useSession } from '../app/services';
import { StatusBar } from './StatusBar';
import { Toolbar } from './Toolbar';
import type { AnnotateActions } from './useAnnotateActions';
import type { OpenDocument } from './useOpenDocument';
import type { CaseClaims } from '../claims/useCaseClaims';

export function AnnotateView({ doc, actions, claims }: { doc: OpenDocument; actions: AnnotateActions; claims: CaseClaims }) {
  const { session } = useServices();
  const selectedIds = useSession((s) => s.selectedIds);
  const tool = useSession((s) => s.tool);
  const focusId = useSession((s) => s.focusId);
  const labels = caseLabels(doc.caseRecord);
  const claimId = useSession((s) => s.claimId);
  const marks = useMemo<BoxMarks>(
    () => ({
      linked: new Set(claims.linksByBox.keys()),
      highlighted: new Set((claimId ? (claims.linksByClaim.get(claimId) ?? []) : []).map((l) => l.annotationId)),
    }),
    [claims, claimId],
  );

  const onSelect = useCallback(
    (ids: readonly Id[], mode: SelectMode) => {
      const s = session.getState();
      if (mode === 'replace') s.select(ids);
      else if (mode === 'add') s.select([...new Set([...s.selectedIds, ...ids])]);
      else ids.forEach((id) => s.toggleSelected(id));
    },
    [session],
  );
  const onFocused = useCallback(() => session.getState().focus(null), [session]);

  return (
    <main className="annotate-view">
      <Toolbar actions={actions} labels={labels} />
      {doc.image ? (
        <>
          <ImageCanvas
            image={doc.image}
            original={doc.original}
            preview={doc.preview}
            tiles={doc.tiles}
            annotations={doc.annotations}
            labels={labels}
            selectedIds={selectedIds}
            tool={tool}
            focusId={focusId}
            marks={marks}
            onSelect={onSelect}
            onCreate={(g) => void actions.create(g)}
            onMove={actions.move}
            onTransform={(m) => void actions.reshape(m)}
            onFocused={onFocused}
          />
          <StatusBar image={doc.image} boxCount={doc.annotations.length} />
        </>
      ) : (
        <div className="empty-canvas" role="region" aria-label="Image canvas">
          <p>{doc.caseRecord ? 'Import an image to start: use “Import images” or drop files here.' : 'Create a case to start.'}</p>
        </div>
      )}
    </main>
  );
}
