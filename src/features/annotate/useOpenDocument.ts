// The open case, image, its original bytes (and stored preview) and its boxes, read live from the
// database.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getCase } from '../../db/cases';
import { getImage, imageBytes, previewBytes } from '../../db/images';
import { watchImageBoxes } from '../../db/imageBoxes';
import type { Annotation } from '../../model/records';
import { useServices, useSession } from '../app/services';

const NONE: readonly Annotation[] = [];

export function useOpenDocument() {
  const { db } = useServices();
  const caseId = useSession((s) => s.caseId);
  const imageId = useSession((s) => s.imageId);
  const caseRecord = useLiveQuery(async () => (caseId ? getCase(db, caseId) : undefined), [db, caseId]);
  const image = useLiveQuery(async () => (imageId ? getImage(db, imageId) : undefined), [db, imageId]);
  // Read once per image, then by key after each write (see db/imageBoxes.ts).
  const [boxes, setBoxes] = useState<{ imageId: string; list: readonly Annotation[] } | null>(null);
  useEffect(() => (imageId ? watchImageBoxes(db, imageId, (list) => setBoxes({ imageId, list })) : undefined), [db, imageId]);
  const annotations = boxes?.imageId === imageId ? boxes.list : NONE;

  // The original and its preview never change for a hash, so they are read once, not live.
  const sha256 = image?.sha256;
  const [original, setOriginal] = useState<{ sha256: string; blob: Blob | undefined; preview: Blob | undefined }>();
  useEffect(() => {
    if (!sha256) return;
    let cancelled = false;
    void Promise.all([imageBytes(db, sha256), previewBytes(db, sha256)]).then(([blob, preview]) => !cancelled && setOriginal({ sha256, blob, preview }));
    return () => {
      cancelled = true;
    };
  }, [db, sha256]);

  // Live queries keep their previous result until the new one arrives: never mix two images.
  const current = image?.caseId === caseId && image?.id === imageId && (annotations[0]?.imageId ?? imageId) === imageId;
  return {
    caseRecord,
    image: current ? image : undefined,
    annotations: current ? annotations : NONE,
    original: original?.sha256 === sha256 ? original?.blob : undefined,
    preview: original?.sha256 === sha256 ? original?.preview : undefined,
  };
}

export type OpenDocument = ReturnType<typeof useOpenDocument>;
