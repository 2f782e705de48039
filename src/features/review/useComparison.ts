// What the review view compares: the case's boxes by author, the chosen image and authors, and
// the matching, figures and differences computed from them (pure model code, memoised).
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listImages } from '../../db/images';
import { agreementFigures } from '../../model/review/agreement';
import { caseAgreement } from '../../model/review/caseAgreement';
import { listDifferences } from '../../model/review/differences';
import { matchBoxes, type ReviewBox } from '../../model/review/matchBoxes';
import type { Annotation, Id, ImageRecord } from '../../model/records';
import { useServices } from '../app/services';

export interface ComparisonChoice {
  imageId: Id | null;
  authorA: string | null;
  authorB: string | null;
  threshold: number;
}

const NO_IMAGES: ImageRecord[] = [];
const NO_BOXES: Annotation[] = [];

const reviewBox = (a: Annotation): ReviewBox => ({ id: a.id, label: a.label, geometry: a.geometry });

export function useComparison(caseId: Id | null, choice: ComparisonChoice) {
  const { db } = useServices();
  const images = useLiveQuery(async () => (caseId ? listImages(db, caseId) : NO_IMAGES), [db, caseId]) ?? NO_IMAGES;
  const boxes = useLiveQuery(async () => (caseId ? db.annotations.where('caseId').equals(caseId).toArray() : NO_BOXES), [db, caseId]) ?? NO_BOXES;
  const authors = useMemo(() => [...new Set(boxes.map((b) => b.author))].sort(), [boxes]);

  // Unless chosen, the image open in the case and its first two authors.
  const image = images.find((i) => i.id === choice.imageId) ?? images[0] ?? null;
  const authorA = choice.authorA ?? authors[0] ?? null;
  const authorB = choice.authorB ?? authors.find((a) => a !== authorA) ?? null;

  const byImage = useMemo(() => {
    const sides = new Map<Id, { a: Annotation[]; b: Annotation[] }>();
    for (const box of boxes) {
      const side = box.author === authorA ? 'a' : box.author === authorB ? 'b' : null;
      if (!side) continue;
      const entry = sides.get(box.imageId) ?? { a: [], b: [] };
      entry[side].push(box);
      sides.set(box.imageId, entry);
    }
    return sides;
  }, [boxes, authorA, authorB]);

  const perImage = useMemo(
    () =>
      images.flatMap((img) => {
        const sides = byImage.get(img.id);
        if (!sides) return [];
        const a = sides.a.map(reviewBox);
        const b = sides.b.map(reviewBox);
        const result = matchBoxes(a, b, { threshold: choice.threshold });
        return [{ image: img, a: sides.a, b: sides.b, result, figures: agreementFigures(a, b, result), differences: listDifferences(a, b, result) }];
      }),
    [images, byImage, choice.threshold],
  );
  const current = perImage.find((c) => c.image.id === image?.id) ?? null;
  const agreement = useMemo(() => caseAgreement(perImage.map((c) => ({ imageId: c.image.id, fileName: c.image.fileName, figures: c.figures }))), [perImage]);

  return { images, authors, image, authorA, authorB, current, agreement };
}
