// The review's canvases, overlaid (one) or side by side (two), sharing one view. The view lives
// here, so panning and zooming re-render only the canvases, not the figures and lists around
// them. It is the user's pan and zoom until something asks for another: a new image or layout
// fits the image, and a new `centre` request centres that rectangle.
import { useState } from 'react';
import { fitViewport, focusOn, minScale, type Viewport } from '../../canvas/viewport';
import type { Rect } from '../../model/geometry';
import type { ImageRecord } from '../../model/records';
import { CompareCanvas, type Side } from './CompareCanvas';
import { useElementSize } from './useElementSize';

export type Layout = 'overlay' | 'side-by-side';

interface Props {
  image: ImageRecord;
  element: HTMLImageElement | null;
  layout: Layout;
  panes: readonly { label: string; sides: Side[] }[];
  emphasised: ReadonlySet<string>;
  /** The current difference, ringed. */
  ring: Rect | null;
  /** A request to centre a rectangle; each new `request` number centres it again. */
  centre: { rect: Rect; request: number } | null;
}

export function CompareCanvases({ image, element, layout, panes, emphasised, ring, centre }: Props) {
  const [area, areaSize] = useElementSize();
  const size = layout === 'overlay' ? areaSize : { width: Math.max(0, Math.floor(areaSize.width / 2) - 4), height: areaSize.height };
  const key = `${image.id}|${layout}|${centre?.request ?? 0}`;
  const [view, setView] = useState<{ key: string; viewport: Viewport } | null>(null);
  const viewport = view?.key === key ? view.viewport : centre ? focusOn(centre.rect, size, minScale(image, size)) : fitViewport(image, size);
  return (
    <div ref={area} className={`review-canvases ${layout}`}>
      {panes.map((pane) => (
        <CompareCanvas
          key={pane.label}
          label={pane.label}
          image={image}
          element={element}
          size={size}
          viewport={viewport}
          onViewport={(v) => setView({ key, viewport: v })}
          sides={pane.sides}
          emphasised={emphasised}
          focus={ring}
        />
      ))}
    </div>
  );
}
