// Decodes what the canvas draws of an image, off the main thread (createImageBitmap): the stored
// preview first (small, so it is on screen at once), then the original at full resolution.
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

export function useImageSources(original: Blob | undefined, preview: Blob | undefined): ImageSources {
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
    // A broken preview only costs the quick first view: the original follows.
    if (preview) createImageBitmap(preview).then(accept('preview'), () => {});
    createImageBitmap(original).then(accept('full'), () => !cancelled && update({ error: 'The image could not be decoded.' }));
    return () => {
      cancelled = true;
      for (const bitmap of opened) bitmap.close();
    };
  }, [original, preview]);
  return state.original === original ? state.sources : NOTHING;
}
