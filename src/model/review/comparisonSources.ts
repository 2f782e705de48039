// Where the two sides of a comparison come from (issue #5): an author's boxes in the open case,
// or an author's boxes in a bundle file that has not been imported. A bundle's boxes are placed
// on the case's images by SHA-256, never by file name.
import type { Annotation, CaseSnapshot, Id, ImageRecord } from '../records';

export interface BoxSource {
  /** Stable key for a picker: "case:<author>" or "bundle:<author>". */
  key: string;
  author: string;
  fromBundle: boolean;
}

export const sourceKey = (fromBundle: boolean, author: string) => `${fromBundle ? 'bundle' : 'case'}:${author}`;

/** Every author of the case, then every author of the bundle, each alphabetically. */
export function comparisonSources(caseBoxes: readonly Annotation[], bundle: Pick<CaseSnapshot, 'annotations'> | null): BoxSource[] {
  const authors = (boxes: readonly Annotation[]) => [...new Set(boxes.map((b) => b.author))].sort();
  return [
    ...authors(caseBoxes).map((author) => ({ key: sourceKey(false, author), author, fromBundle: false })),
    ...authors(bundle?.annotations ?? []).map((author) => ({ key: sourceKey(true, author), author, fromBundle: true })),
  ];
}

/** The source's boxes grouped by the case image they lie on. */
export function boxesByCaseImage(
  source: BoxSource,
  caseImages: readonly ImageRecord[],
  caseBoxes: readonly Annotation[],
  bundle: Pick<CaseSnapshot, 'images' | 'annotations'> | null,
): Map<Id, Annotation[]> {
  const byImage = new Map<Id, Annotation[]>();
  const add = (imageId: Id, box: Annotation) => byImage.set(imageId, [...(byImage.get(imageId) ?? []), box]);
  if (!source.fromBundle) {
    for (const box of caseBoxes) if (box.author === source.author) add(box.imageId, box);
    return byImage;
  }
  const caseImageBySha = new Map(caseImages.map((i) => [i.sha256, i.id]));
  const caseImageOf = new Map((bundle?.images ?? []).flatMap((i) => (caseImageBySha.has(i.sha256) ? [[i.id, caseImageBySha.get(i.sha256)!] as const] : [])));
  for (const box of bundle?.annotations ?? []) {
    const imageId = caseImageOf.get(box.imageId);
    if (imageId && box.author === source.author) add(imageId, box);
  }
  return byImage;
}

/** How the bundle's images meet the case's: how many it shares (by SHA-256) and how many it holds that the case does not. */
export function bundleImageMatch(caseImages: readonly ImageRecord[], bundle: Pick<CaseSnapshot, 'images'>): { shared: number; elsewhere: number } {
  const shas = new Set(caseImages.map((i) => i.sha256));
  const shared = bundle.images.filter((i) => shas.has(i.sha256)).length;
  return { shared, elsewhere: bundle.images.length - shared };
}
