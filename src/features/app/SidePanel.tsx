// The right-hand panel: the boxes of the open image (with the selected boxes' details and
// claims, labels and provenance), or the case's claims.
import { useMemo } from 'react';
import { caseLabels } from '../../model/labels';
import type { SideTab } from '../../state/session';
import { AnnotationList } from '../annotate/AnnotationList';
import { BoxDetails } from '../annotate/BoxDetails';
import { LabelEditor } from '../annotate/LabelEditor';
import { ProvenanceForm } from '../annotate/ProvenanceForm';
import type { AnnotateActions } from '../annotate/useAnnotateActions';
import type { OpenDocument } from '../annotate/useOpenDocument';
import { BoxClaims } from '../claims/BoxClaims';
import { ClaimsPanel } from '../claims/ClaimsPanel';
import type { CaseClaims } from '../claims/useCaseClaims';
import { useServices, useSession } from './services';

const TABS: { tab: SideTab; name: string }[] = [
  { tab: 'boxes', name: 'Boxes' },
  { tab: 'claims', name: 'Claims' },
];

export function SidePanel({ doc, actions, claims }: { doc: OpenDocument; actions: AnnotateActions; claims: CaseClaims }) {
  const { session } = useServices();
  const tab = useSession((s) => s.sideTab);
  const selectedIds = useSession((s) => s.selectedIds);
  const labels = caseLabels(doc.caseRecord);
  const selected = useMemo(() => {
    const ids = new Set(selectedIds);
    return doc.annotations.filter((a) => ids.has(a.id));
  }, [doc.annotations, selectedIds]);
  return (
    <aside className="inspector" aria-label="Inspector">
      <div role="tablist" aria-label="Panel" className="tabs">
        {TABS.map((t) => (
          <button key={t.tab} role="tab" aria-selected={tab === t.tab} onClick={() => session.getState().showSide(t.tab)}>
            {t.name}
            {t.tab === 'claims' ? ` (${claims.claims.length})` : ''}
          </button>
        ))}
      </div>
      {tab === 'boxes' ? (
        <>
          <BoxDetails selected={selected} labels={labels} actions={actions} />
          {selected.length > 0 && <BoxClaims selected={selected} data={claims} onLink={() => session.getState().setLinking(true)} />}
          <AnnotationList annotations={doc.annotations} labels={labels} />
          {doc.caseRecord && <LabelEditor caseRecord={doc.caseRecord} />}
          {doc.image && <ProvenanceForm key={doc.image.id} image={doc.image} />}
        </>
      ) : (
        <ClaimsPanel data={claims} />
      )}
    </aside>
  );
}
