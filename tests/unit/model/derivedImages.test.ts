import { describe, expect, it } from 'vitest';
import { PREVIEW_MAX_SIDE, previewSize, thumbnailSize } from '../../../src/model/derivedImages';

describe('the sizes images are derived at', () => {
  it('makes no preview when the longer side is already within the limit', () => {
    expect(previewSize(2048, 2048)).toBeNull();
    expect(previewSize(2048, 1)).toBeNull();
    expect(previewSize(640, 480)).toBeNull();
  });

  it('scales a large image so its longer side is exactly the limit, keeping its shape', () => {
    expect(previewSize(2049, 1000)).toEqual({ width: 2048, height: 1000 });
    // 100 megapixels, landscape and portrait.
    expect(previewSize(12_000, 8_000)).toEqual({ width: 2048, height: 1365 });
    expect(previewSize(8_000, 12_000)).toEqual({ width: 1365, height: 2048 });
    expect(previewSize(15_811, 15_811)).toEqual({ width: 2048, height: 2048 });
  });

  it('never rounds a side of a long strip to nothing, nor the longer side past the limit', () => {
    expect(previewSize(250_000, 1000)).toEqual({ width: 2048, height: 8 });
    expect(previewSize(100_000, 2)).toEqual({ width: 2048, height: 1 });
    for (const [w, h] of [[20_001, 12_499], [3_333, 2_047], [16_383, 16_382]] as const) {
      const size = previewSize(w, h)!;
      expect(Math.max(size.width, size.height)).toBe(PREVIEW_MAX_SIDE);
    }
  });

  it('fits thumbnails within 256 px without enlarging small images', () => {
    expect(thumbnailSize(12_000, 8_000)).toEqual({ width: 256, height: 171 });
    expect(thumbnailSize(100, 50)).toEqual({ width: 100, height: 50 });
    expect(thumbnailSize(10_000, 10)).toEqual({ width: 256, height: 1 });
  });
});
