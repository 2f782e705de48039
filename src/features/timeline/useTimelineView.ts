// Zoom and pan of the timeline: session state (never persisted), one React state per change.
// The timeline holds at most hundreds of items, so re-rendering per wheel event is cheap.
import { useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { panDomain, zoomDomain, ZOOM_LIMITS, type TimeDomain } from '../../model/timeline';
import { xToTime } from './marks';

/** jsdom (and a hidden container) measure 0: lay out at a plausible width instead of nothing. */
const DEFAULT_WIDTH = 800;
const BUTTON_ZOOM = 1.6;
const DRAG_THRESHOLD_PX = 4;

interface Drag {
  pointerId: number;
  startX: number;
  domain: TimeDomain;
  moved: boolean;
  /** False once released; the record stays for the click that follows. */
  active: boolean;
}

export function useTimelineView(fit: TimeDomain) {
  const plotRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag | null>(null);
  const [measured, setMeasured] = useState(0);
  // null follows the fitted domain, so a new item or filter refits until the user zooms or pans.
  const [view, setView] = useState<TimeDomain | null>(null);
  const width = measured > 0 ? measured : DEFAULT_WIDTH;
  const domain = view ?? fit;
  const span = domain[1] - domain[0];

  useEffect(() => {
    const el = plotRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setMeasured(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // React attaches wheel listeners as passive, and a passive listener cannot stop the page
  // scrolling, so the wheel is handled natively.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const rect = svg.getBoundingClientRect();
      const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.width : 1;
      const x = e.clientX - rect.left;
      const horizontal = e.shiftKey || Math.abs(e.deltaX) > Math.abs(e.deltaY);
      setView((prev) => {
        const d = prev ?? fit;
        if (horizontal) {
          const dx = (e.shiftKey && e.deltaX === 0 ? e.deltaY : e.deltaX) * unit;
          return panDomain(d, (dx / width) * (d[1] - d[0]));
        }
        return zoomDomain(d, Math.exp(-e.deltaY * unit * 0.002), xToTime(d, width, x));
      });
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [fit, width]);

  const zoomBy = (factor: number) => setView((prev) => {
    const d = prev ?? fit;
    return zoomDomain(d, factor, (d[0] + d[1]) / 2);
  });

  const release = (e: ReactPointerEvent<SVGSVGElement>) => {
    const d = drag.current;
    if (d?.pointerId !== e.pointerId) return;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
    // Kept until the click that follows, so a drag that ends over an item does not open it.
    d.active = false;
  };
  // Pointer capture starts only once the pointer has moved: capturing on press would retarget
  // the click away from the item under it, and a plain click there must open that item.
  const pointer = {
    onPointerDown(e: ReactPointerEvent<SVGSVGElement>) {
      if (e.button !== 0) return;
      drag.current = { pointerId: e.pointerId, startX: e.clientX, domain, moved: false, active: true };
    },
    onPointerMove(e: ReactPointerEvent<SVGSVGElement>) {
      const d = drag.current;
      if (!d?.active || d.pointerId !== e.pointerId) return;
      const dx = e.clientX - d.startX;
      if (!d.moved && Math.abs(dx) < DRAG_THRESHOLD_PX) return;
      if (!d.moved) e.currentTarget.setPointerCapture(e.pointerId);
      d.moved = true;
      setView(panDomain(d.domain, (-dx / width) * (d.domain[1] - d.domain[0])));
    },
    onPointerUp: release,
    onPointerCancel: release,
  };

  return {
    plotRef,
    svgRef,
    width,
    domain,
    pointer,
    /** True for the click that ends a drag; clears itself. */
    endedDrag: () => {
      const moved = drag.current?.moved === true;
      drag.current = null;
      return moved;
    },
    zoomIn: () => zoomBy(BUTTON_ZOOM),
    zoomOut: () => zoomBy(1 / BUTTON_ZOOM),
    fit: () => setView(null),
    centreOn: (ms: number) => setView((prev) => {
      const d = prev ?? fit;
      return panDomain(d, ms - (d[0] + d[1]) / 2);
    }),
    canZoomIn: span > ZOOM_LIMITS.minSpanMs * 1.001,
    canZoomOut: span < ZOOM_LIMITS.maxSpanMs * 0.999,
  };
}
