// The right-hand panel: the selected boxes, the image's boxes, labels and provenance.
import { useMemo } from 'react';
import { DEFAULT_LABELS } from '../../model/labels';
import { useSession } from '../app/services';
import { AnnotationList } from './AnnotationList';
import { BoxDetails } from './BoxDetails';
import { LabelEditor } from './LabelEditor';
import { ProvenanceForm } from './ProvenanceForm';
import type { AnnotateActions } from './useAnnotateActions';
import type { OpenDocument } from './useOpenDocument';

export function Inspector({ doc, actions }: { doc: OpenDocument; actions: AnnotateActions }) {
  const selectedIds = useSession((s) => s.selectedIds);
  const labels = doc.caseRecord?.labels ?? DEFAULT_LABELS;
  const selected = useMemo(() => {
    const ids = new Set(selectedIds);
    return doc.annotations.filter((a) => ids.has(a.id));
  }, [doc.annotations, selectedIds]);
  return (
    <aside className="inspector" aria-label="Inspector">
      <BoxDetails selected={selected} labels={labels} actions={actions} />
      <AnnotationList annotations={doc.annotations} labels={labels} />
      {doc.caseRecord && <LabelEditor caseRecord={doc.caseRecord} />}
      {doc.image && <ProvenanceForm key={doc.image.id} image={doc.image} />}
    </aside>
  );
}
