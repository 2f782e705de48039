// What the review view compares: the chosen image and two sources of boxes (authors in the case,
// or in a bundle file read for the purpose), and the matching, figures and differences computed
// from them by the pure model code, memoised.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { listImages } from '../../db/images';
import { agreementFigures } from '../../model/review/agreement';
import { caseAgreement } from '../../model/review/caseAgreement';
import { boxesByCaseImage, comparisonSources, type BoxSource } from '../../model/review/comparisonSources';
import { listDifferences } from '../../model/review/differences';
import { matchBoxes, type ReviewBox } from '../../model/review/matchBoxes';
import type { Annotation, CaseSnapshot, Id, ImageRecord } from '../../model/records';
import { useServices } from '../app/services';

export interface ComparisonChoice {
  imageId: Id | null;
  /** BoxSource keys; unless chosen, the first two sources. */
  sourceA: string | null;
  sourceB: string | null;
  threshold: number;
}

/** A bundle read for comparison only: its records, never written to the database. */
export type ComparedBundle = { fileName: string; snapshot: CaseSnapshot };

const NO_IMAGES: ImageRecord[] = [];
const NO_BOXES: Annotation[] = [];
const reviewBox = (a: Annotation): ReviewBox => ({ id: a.id, label: a.label, geometry: a.geometry });

export function useComparison(caseId: Id | null, choice: ComparisonChoice, bundle: ComparedBundle | null) {
  const { db } = useServices();
  const images = useLiveQuery(async () => (caseId ? listImages(db, caseId) : NO_IMAGES), [db, caseId]) ?? NO_IMAGES;
  const boxes = useLiveQuery(async () => (caseId ? db.annotations.where('caseId').equals(caseId).toArray() : NO_BOXES), [db, caseId]) ?? NO_BOXES;
  const theirs = bundle?.snapshot ?? null;
  const sources = useMemo(() => comparisonSources(boxes, theirs), [boxes, theirs]);

  const image = images.find((i) => i.id === choice.imageId) ?? images[0] ?? null;
  const sourceA = sources.find((s) => s.key === choice.sourceA) ?? sources[0] ?? null;
  const sourceB = sources.find((s) => s.key === choice.sourceB) ?? sources.find((s) => s !== sourceA && s.fromBundle === !!theirs) ?? sources.find((s) => s !== sourceA) ?? null;

  const perImage = useMemo(() => {
    if (!sourceA || !sourceB) return [];
    const sideA = boxesByCaseImage(sourceA, images, boxes, theirs);
    const sideB = boxesByCaseImage(sourceB, images, boxes, theirs);
    return images.flatMap((img) => {
      const a = sideA.get(img.id) ?? [];
      const b = sideB.get(img.id) ?? [];
      if (!a.length && !b.length) return [];
      const [ra, rb] = [a.map(reviewBox), b.map(reviewBox)];
      const result = matchBoxes(ra, rb, { threshold: choice.threshold });
      return [{ image: img, a, b, result, figures: agreementFigures(ra, rb, result), differences: listDifferences(ra, rb, result) }];
    });
  }, [images, boxes, theirs, sourceA, sourceB, choice.threshold]);
  const current = perImage.find((c) => c.image.id === image?.id) ?? null;
  const agreement = useMemo(() => caseAgreement(perImage.map((c) => ({ imageId: c.image.id, fileName: c.image.fileName, figures: c.figures }))), [perImage]);

  return { images, sources, image, sourceA, sourceB, current, agreement };
}

export type { BoxSource };
