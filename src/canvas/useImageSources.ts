// Decodes what the canvas draws of an image, off the main thread (createImageBitmap): the stored
// preview first (small, so it is on screen at once), then, when the page is next idle, the
// original at full resolution, unless the image has a tile pyramid to draw it from instead.
// Bitmaps are closed when the image changes or the canvas goes, so a 100-MP decode does not
// linger in memory.
import { useEffect, useState } from 'react';

export interface ImageSources {
  /** A reduced copy (at most 2,048 px on its longer side), when the image is larger than that. */
  preview: ImageBitmap | null;
  /** The original, decoded; null while decoding. */
  full: ImageBitmap | null;
  /** Set when the original could not be decoded. */
  error: string | null;
}

const NOTHING: ImageSources = { preview: null, full: null, error: null };

export function useImageSources(original: Blob | undefined, preview: Blob | undefined, decodeOriginal: boolean): ImageSources {
  const [state, setState] = useState<{ original: Blob | undefined; sources: ImageSources }>({ original: undefined, sources: NOTHING });
  useEffect(() => {
    if (!original) return;
    let cancelled = false;
    const opened: ImageBitmap[] = [];
    const update = (patch: Partial<ImageSources>) => setState((s) => ({ original, sources: { ...(s.original === original ? s.sources : NOTHING), ...patch } }));
    const accept = (key: 'preview' | 'full') => (bitmap: ImageBitmap) => {
      if (cancelled) return bitmap.close();
      opened.push(bitmap);
      update({ [key]: bitmap });
    };
    const decodeFull = () => {
      if (!cancelled && decodeOriginal) createImageBitmap(original).then(accept('full'), () => !cancelled && update({ error: 'The image could not be decoded.' }));
    };
    // With a preview, the original is decoded once the preview is on screen, so that decoding a
    // 100-MP image (most of a second of a core) does not hold up the first view; a broken preview
    // only costs that first view.
    let idle = 0;
    if (preview) {
      const afterPreview = () => (idle = requestIdleCallback(decodeFull, { timeout: 500 }));
      createImageBitmap(preview).then(accept('preview'), () => {}).finally(afterPreview);
    } else decodeFull();
    return () => {
      cancelled = true;
      cancelIdleCallback(idle);
      for (const bitmap of opened) bitmap.close();
    };
  }, [original, preview, decodeOriginal]);
  return state.original === original ? state.sources : NOTHING;
}
