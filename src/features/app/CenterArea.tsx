// The centre of the window: the image canvas, one claim's evidence, the timeline, or the
// reviewer's comparison of two annotators.
import { useLiveQuery } from 'dexie-react-hooks';
import { listImages } from '../../db/images';
import { caseLabels } from '../../model/labels';
import type { ImageRecord } from '../../model/records';
import type { CenterView } from '../../state/session';
import { AnnotateView } from '../annotate/AnnotateView';
import type { AnnotateActions } from '../annotate/useAnnotateActions';
import type { OpenDocument } from '../annotate/useOpenDocument';
import { ClaimView } from '../claims/ClaimView';
import type { CaseClaims } from '../claims/useCaseClaims';
import { ReviewView } from '../review/ReviewView';
import { Timeline } from '../timeline/Timeline';
import { useServices, useSession } from './services';

const VIEWS: { view: CenterView; name: string }[] = [
  { view: 'image', name: 'Image' },
  { view: 'claim', name: 'Claim' },
  { view: 'timeline', name: 'Timeline' },
  { view: 'review', name: 'Review' },
];
const NO_IMAGES: ImageRecord[] = [];

export function CenterArea({ doc, actions, claims }: { doc: OpenDocument; actions: AnnotateActions; claims: CaseClaims }) {
  const { db, session } = useServices();
  const view = useSession((s) => s.centerView);
  const caseId = useSession((s) => s.caseId);
  const images = useLiveQuery(async () => (caseId && view === 'timeline' ? listImages(db, caseId) : NO_IMAGES), [db, caseId, view]) ?? NO_IMAGES;
  return (
    <div className="center-area">
      <div role="tablist" aria-label="View" className="tabs">
        {VIEWS.map((v) => (
          <button key={v.view} role="tab" aria-selected={view === v.view} onClick={() => session.getState().showCenter(v.view)}>
            {v.name}
          </button>
        ))}
      </div>
      {view === 'image' && <AnnotateView doc={doc} actions={actions} claims={claims} />}
      {view === 'claim' && <ClaimView data={claims} labels={caseLabels(doc.caseRecord)} />}
      {view === 'review' && <ReviewView />}
      {view === 'timeline' && (
        <Timeline
          claims={claims.claims}
          images={images.filter((i) => i.caseId === caseId)}
          onOpenClaim={(id) => {
            session.getState().selectClaim(id);
            session.getState().showCenter('claim');
          }}
          onOpenImage={(id) => {
            session.getState().openImage(id);
            session.getState().showCenter('image');
          }}
        />
      )}
    </div>
  );
}
