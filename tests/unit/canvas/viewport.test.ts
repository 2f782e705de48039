import { describe, expect, it } from 'vitest';
import { centerOn, fitViewport, focusOn, MAX_SCALE, imageToScreen, minScale, screenToImage, visibleRect, zoomTo } from '../../../src/canvas/viewport';
import { imagePoint, screenPoint } from '../../../src/model/geometry';

describe('viewport', () => {
  const view = { width: 832, height: 632 };

  it('fits the image with a margin, centred', () => {
    expect(fitViewport({ width: 2000, height: 1000 }, view)).toEqual({ scale: 0.4, x: 16, y: 116 });
  });

  it('zooms about the cursor: the image point under it stays put', () => {
    const vp = { scale: 0.5, x: 10, y: 20 };
    const anchor = screenPoint(300, 200);
    const under = screenToImage(vp, anchor);
    const zoomed = zoomTo(vp, 2, anchor, 0.01);
    expect(zoomed.scale).toBe(2);
    expect(imageToScreen(zoomed, under)).toEqual(anchor);
  });

  it('clamps zoom between a quarter of fit and 32x', () => {
    const image = { width: 2000, height: 1000 };
    expect(minScale(image, view)).toBeCloseTo(0.1);
    expect(zoomTo({ scale: 1, x: 0, y: 0 }, 1000, screenPoint(0, 0), 0.1).scale).toBe(32);
    expect(zoomTo({ scale: 1, x: 0, y: 0 }, 0.001, screenPoint(0, 0), 0.1).scale).toBe(0.1);
  });

  it('centres on a point and reports the visible part of the image', () => {
    const vp = centerOn({ scale: 2, x: 0, y: 0 }, imagePoint(500, 300), view);
    expect(visibleRect(vp, view)).toEqual({ minX: 500 - 208, minY: 300 - 158, maxX: 500 + 208, maxY: 300 + 158 });
  });
});

describe('focusing on a rectangle', () => {
  const view = { width: 800, height: 600 };

  it('centres it and makes it a quarter of the view', () => {
    const vp = focusOn({ minX: 100, minY: 200, maxX: 150, maxY: 210 }, view, 0.1);
    // 800 / (4 × 50) = 4 is the tighter of the two (600 / (4 × 10) = 15).
    expect(vp.scale).toBe(4);
    expect(imageToScreen(vp, imagePoint(125, 205))).toEqual(screenPoint(400, 300));
  });

  it('keeps between the floor and the largest zoom', () => {
    expect(focusOn({ minX: 0, minY: 0, maxX: 10_000, maxY: 10_000 }, view, 0.5).scale).toBe(0.5);
    expect(focusOn({ minX: 5, minY: 5, maxX: 5, maxY: 5 }, view, 0.1).scale).toBe(MAX_SCALE);
  });
});
