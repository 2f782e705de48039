// Decoded images for evidence crops, kept for the few images a claim view shows at once so
// that ten crops of one image decode it once.
const MAX_KEPT = 3;
const kept = new Map<string, Promise<ImageBitmap>>();

export function decodedImage(sha256: string, load: () => Promise<Blob | undefined>): Promise<ImageBitmap> {
  const hit = kept.get(sha256);
  if (hit) {
    kept.delete(sha256);
    kept.set(sha256, hit);
    return hit;
  }
  const decoding = load().then((blob) => {
    if (!blob) throw new Error('the image bytes are missing');
    return createImageBitmap(blob);
  });
  kept.set(sha256, decoding);
  decoding.catch(() => kept.delete(sha256));
  while (kept.size > MAX_KEPT) {
    const [oldest, bitmap] = kept.entries().next().value!;
    kept.delete(oldest);
    void bitmap.then((b) => b.close(), () => {});
  }
  return decoding;
}
