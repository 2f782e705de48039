// Decoding in the browser: one decode of the original proves it is a whole, readable image and
// yields what is stored beside it, a thumbnail and, for a large image, a preview (issue #6).
import { previewSize, thumbnailSize, type DerivedImages, type PixelSize } from '../model/derivedImages';

export async function deriveImages(original: Blob): Promise<DerivedImages> {
  const bitmap = await createImageBitmap(original);
  let preview: OffscreenCanvas | null = null;
  let thumbnail: OffscreenCanvas;
  try {
    const size = previewSize(bitmap.width, bitmap.height);
    if (size) preview = drawScaled(bitmap, size);
    // The thumbnail is drawn from the preview when there is one: a second pass over a
    // 250-megapixel bitmap would cost far more and look no better at 256 px.
    thumbnail = drawScaled(preview ?? bitmap, thumbnailSize(bitmap.width, bitmap.height));
  } finally {
    // The full decode can be a gigabyte; let it go before encoding.
    bitmap.close();
  }
  const [thumbnailBlob, previewBlob] = await Promise.all([
    thumbnail.convertToBlob({ type: 'image/webp', quality: 0.85 }),
    preview?.convertToBlob({ type: 'image/webp', quality: 0.9 }) ?? null,
  ]);
  return { thumbnail: thumbnailBlob, preview: previewBlob };
}

function drawScaled(source: ImageBitmap | OffscreenCanvas, size: PixelSize): OffscreenCanvas {
  const canvas = new OffscreenCanvas(size.width, size.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, size.width, size.height);
  return canvas;
}
