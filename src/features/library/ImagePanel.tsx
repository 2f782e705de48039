// The open case's images: import, and choose which one to annotate.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo } from 'react';
import { boxCountsOf } from '../../db/boxCounts';
import { listImages, thumbnailBytes } from '../../db/images';
import type { ImageRecord } from '../../model/records';
import { useServices, useSession } from '../app/services';
import { RecordHistory } from '../common/RecordHistory';
import { ExportAnnotationsButton } from './ExportAnnotationsButton';
import { VerifyIntegrityButton } from './VerifyIntegrityButton';
import { ImportAnnotationsButton } from './ImportAnnotationsButton';
import { ImportReport } from './ImportReport';
import { useImport } from './useImport';

const NO_IMAGES: ImageRecord[] = [];

/** Thumbnails never change for a hash, so their object URLs live as long as the window. */
const thumbnailUrls = new Map<string, string>();
const thumbnailUrl = (sha256: string, blob: Blob) => {
  let url = thumbnailUrls.get(sha256);
  if (!url) {
    url = URL.createObjectURL(blob);
    thumbnailUrls.set(sha256, url);
  }
  return url;
};

/** The open image's box count, known from its boxes in memory. */
export interface OpenImageCount {
  imageId: string;
  count: number;
}

export function ImagePanel({ open }: { open: OpenImageCount | null }) {
  const { db, session } = useServices();
  const caseId = useSession((s) => s.caseId);
  const imageId = useSession((s) => s.imageId);
  const images = useLiveQuery(async () => (caseId ? listImages(db, caseId) : NO_IMAGES), [db, caseId]) ?? NO_IMAGES;
  // The other images are counted in the database. Counting the open one there too would read
  // its every box key again after each edit (at 20,000 boxes, a tenth of a second or more of
  // database time that the edit's own reads would queue behind).
  const others = useMemo(() => images.filter((i) => i.id !== imageId).map((i) => i.id), [images, imageId]);
  const counts = useLiveQuery(() => boxCountsOf(db, others), [db, others]);
  const countOf = (id: string) => (id === open?.imageId ? open.count : counts?.get(id));
  const { pickAndImport } = useImport();

  // Open the first image when a case opens with none chosen.
  useEffect(() => {
    // The live query still holds the previous case's images until the new ones arrive.
    if (!imageId && images[0]?.caseId === caseId) session.getState().openImage(images[0].id);
  }, [imageId, images, caseId, session]);

  return (
    <nav className="image-panel" aria-label="Images">
      <button className="primary" onClick={() => void pickAndImport()} disabled={!caseId}>
        Import images
      </button>
      <p className="hint">or drop PNG, JPEG or WebP files anywhere on the window</p>
      <ImportReport />
      <ImportAnnotationsButton />
      <ExportAnnotationsButton />
      <VerifyIntegrityButton />
      {caseId && <RecordHistory entityId={caseId} name="Case history" />}
      <ul className="image-list" aria-label="Images in this case">
        {images.map((image) => (
          <li key={image.id}>
            <button aria-current={image.id === imageId} className="image-item" onClick={() => session.getState().openImage(image.id)}>
              <Thumbnail image={image} />
              <span className="image-name">{image.source.title || image.fileName}</span>
              <span className="image-meta">
                {image.width} × {image.height} · {countOf(image.id) ?? 0} boxes
              </span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Thumbnail({ image }: { image: ImageRecord }) {
  const { db } = useServices();
  const blob = useLiveQuery(() => thumbnailBytes(db, image.sha256), [db, image.sha256]);
  const url = blob && thumbnailUrl(image.sha256, blob);
  return url ? <img src={url} alt="" className="thumb" /> : <span className="thumb" />;
}
