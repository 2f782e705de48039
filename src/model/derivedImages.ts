// What the app derives from an original when it is imported, and the sizes it derives them at.
// Derived bytes are kept beside the original (keyed by its SHA-256), never exported: they can
// always be made again from the original.

/** The longer side of a thumbnail in the image list. */
export const THUMBNAIL_SIZE = 256;

/**
 * The longer side of an image's preview: the reduced level shown first when a large image opens
 * (issue #6), so a 100-megapixel original is not decoded in full just to show the whole picture.
 */
export const PREVIEW_MAX_SIDE = 2048;

/** What one decode of an original yields; `preview` is null when the original is small enough to draw directly. */
export interface DerivedImages {
  thumbnail: Blob;
  preview: Blob | null;
}

export interface PixelSize {
  width: number;
  height: number;
}

/** The original scaled so its longer side is `maxSide`, never enlarged and never below 1 px. */
function fitWithin(width: number, height: number, maxSide: number): PixelSize {
  const longer = Math.max(width, height);
  if (longer <= maxSide) return { width, height };
  // The longer side is set exactly, so rounding can never take it past the limit.
  const scaled = (side: number) => (side === longer ? maxSide : Math.max(1, Math.round((side * maxSide) / longer)));
  return { width: scaled(width), height: scaled(height) };
}

export function thumbnailSize(width: number, height: number): PixelSize {
  return fitWithin(width, height, THUMBNAIL_SIZE);
}

/** The preview's size, or null when the original's longer side is already within PREVIEW_MAX_SIDE. */
export function previewSize(width: number, height: number): PixelSize | null {
  return Math.max(width, height) <= PREVIEW_MAX_SIDE ? null : fitWithin(width, height, PREVIEW_MAX_SIDE);
}
