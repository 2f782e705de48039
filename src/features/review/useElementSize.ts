// The size of an element, kept current as the layout changes. A callback ref, so an element that
// appears after the first render (or is replaced) is measured too.
import { useLayoutEffect, useState } from 'react';
import type { Size } from '../../canvas/viewport';

export function useElementSize(): [(element: HTMLElement | null) => void, Size] {
  const [element, setElement] = useState<HTMLElement | null>(null);
  const [size, setSize] = useState<Size>({ width: 0, height: 0 });
  useLayoutEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(() => setSize({ width: element.clientWidth, height: element.clientHeight }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, size];
}
