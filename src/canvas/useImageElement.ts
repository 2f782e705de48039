// Loads an original image (a Blob from the database) into a decoded <img> for Konva.
import { useEffect, useState } from 'react';

export type ImageLoad = { status: 'loading' } | { status: 'ready'; element: HTMLImageElement } | { status: 'failed'; error: string };

export function useImageElement(blob: Blob | undefined): ImageLoad {
  const [state, setState] = useState<{ blob: Blob | undefined; load: ImageLoad }>({ blob: undefined, load: { status: 'loading' } });
  useEffect(() => {
    if (!blob) return;
    let cancelled = false;
    const url = URL.createObjectURL(blob);
    const element = new Image();
    element.src = url;
    element
      .decode()
      .then(() => !cancelled && setState({ blob, load: { status: 'ready', element } }))
      .catch(() => !cancelled && setState({ blob, load: { status: 'failed', error: 'The image could not be decoded.' } }));
    return () => {
      cancelled = true;
      URL.revokeObjectURL(url);
    };
  }, [blob]);
  return state.blob === blob ? state.load : { status: 'loading' };
}
