// Reduced copies of a picture drawn at image scale (the image itself, or all its boxes), for views
// zoomed out far enough that a reduced copy looks the same: drawing one small bitmap costs far
// less than scaling a 100-megapixel image or stroking 20,000 boxes every frame (DESIGN.md
// "Canvas"). Each level is made on first use and kept until the picture changes.
import type { Size } from './viewport';

/** Reduction factors of the levels, coarsest first. */
export const LEVEL_SCALES = [1 / 16, 1 / 8, 1 / 4, 1 / 2] as const;
/** No level is larger than this on its longer side (memory: at most 4096² × 4 bytes each). */
export const MAX_LEVEL_SIDE = 4096;

/** A level's true scale for this picture: its nominal scale, or less to stay within MAX_LEVEL_SIDE. */
export function levelScale(nominal: number, picture: Size): number {
  return Math.min(nominal, MAX_LEVEL_SIDE / Math.max(picture.width, picture.height));
}

/**
 * The level to draw at `viewScale` (screen pixels per image pixel): the coarsest whose pixels
 * are magnified at most `magnify` times on screen, or null when none is fine enough and the
 * picture must be drawn in full.
 */
export function levelFor(viewScale: number, picture: Size, magnify: number): number | null {
  for (const nominal of LEVEL_SCALES) {
    const scale = levelScale(nominal, picture);
    if (viewScale <= scale * magnify) return scale;
  }
  return null;
}

export type LevelCanvas = HTMLCanvasElement | OffscreenCanvas;

/** Made-on-demand levels of one picture; `render` draws the picture at a scale onto a context. */
export type LevelContext = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

/** A blank level of `picture` at `scale`, its context scaled so that drawing is in image pixels. */
export function levelCanvas(picture: Size, scale: number): { canvas: LevelCanvas; ctx: LevelContext } {
  const width = Math.max(1, Math.ceil(picture.width * scale));
  const height = Math.max(1, Math.ceil(picture.height * scale));
  const canvas = typeof OffscreenCanvas === 'undefined' ? Object.assign(document.createElement('canvas'), { width, height }) : new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d') as LevelContext;
  ctx.scale(scale, scale);
  return { canvas, ctx };
}

export class ReducedLevels {
  private readonly levels = new Map<number, LevelCanvas>();

  constructor(
    private readonly picture: Size,
    private readonly render: (ctx: LevelContext, scale: number) => void,
  ) {}

  get(scale: number): LevelCanvas {
    let level = this.levels.get(scale);
    if (!level) {
      const made = levelCanvas(this.picture, scale);
      this.render(made.ctx, scale);
      level = made.canvas;
      this.levels.set(scale, level);
    }
    return level;
  }
}
