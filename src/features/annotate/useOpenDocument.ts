// The open case, image, its original bytes (and stored preview) and its boxes, read live from the
// database.
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { getCase } from '../../db/cases';
import { getImage, imageBytes, previewBytes } from '../../db/images';
import { watchImageBoxes } from '../../db/imageBoxes';
import { tileBytes } from '../../db/tiles';
import type { Annotation, ImageRecord } from '../../model/records';
import { pyramidLevels, type TileKey } from '../../model/tilePyramid';
import type { ImageTiles } from '../../canvas/ImageCanvas';
import type { TileState } from '../../state/tileMaker';
import { useServices, useSession } from '../app/services';

const NONE: readonly Annotation[] = [];
const CHECKING: TileState = { kind: 'checking' };

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
  const preview = original?.sha256 === sha256 ? original?.preview : undefined;
  const tiles = useImageTiles(current ? image : undefined, preview !== undefined);
  return {
    caseRecord,
    image: current ? image : undefined,
    annotations: current ? annotations : NONE,
    original: original?.sha256 === sha256 ? original?.blob : undefined,
    preview,
    tiles,
  };
}

/**
 * The tile pyramid of a large image with a stored preview (the preview draws the coarser views),
 * asked for when the image opens: made in the background if it is not stored yet.
 */
function useImageTiles(image: ImageRecord | undefined, hasPreview: boolean): ImageTiles | null {
  const { db, tiles } = useServices();
  const sha256 = image && hasPreview && pyramidLevels(image) > 0 ? image.sha256 : undefined;
  const state = useSyncExternalStore(tiles.subscribe, () => (sha256 ? tiles.stateOf(sha256) : undefined));
  useEffect(() => {
    if (sha256 && image) void tiles.ensure(image);
    // The pyramid is the image's bytes': it changes with the hash alone.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tiles, sha256]);
  const load = useCallback((key: TileKey) => (sha256 ? tileBytes(db, sha256, key) : Promise.resolve(undefined)), [db, sha256]);
  return sha256 ? { state: state ?? CHECKING, load } : null;
}

export type OpenDocument = ReturnType<typeof useOpenDocument>;
