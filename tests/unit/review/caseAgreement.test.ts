import { describe, expect, it } from 'vitest';
import { agreementFigures } from '../../../src/model/review/agreement';
import { caseAgreement, caseAgreementCsv } from '../../../src/model/review/caseAgreement';
import { matchBoxes, type ReviewBox } from '../../../src/model/review/matchBoxes';

const box = (id: string, label: string, x: number, y = 0): ReviewBox => ({ id, label, geometry: { x, y, width: 10, height: 10, rotation: 0 } });
const figuresOf = (a: ReviewBox[], b: ReviewBox[]) => agreementFigures(a, b, matchBoxes(a, b));

describe('agreement across a case', () => {
  // Image 1: A has ship, ship, tug; B has ship (on the first), tug (on the second ship), and a
  // stray ship. Image 2: A has one tug, B has the same tug.
  const one = figuresOf([box('a1', 'ship', 0), box('a2', 'ship', 100), box('a3', 'tug', 200)], [box('b1', 'ship', 0), box('b2', 'tug', 100), box('b3', 'ship', 400)]);
  const two = figuresOf([box('a4', 'tug', 0)], [box('b4', 'tug', 0)]);
  const agreement = caseAgreement([
    { imageId: 'i1', fileName: 'rajin.png', figures: one },
    { imageId: 'i2', fileName: '=cmd.png', figures: two },
  ]);

  it('sums the images into the case and splits it by label', () => {
    expect(agreement.total).toMatchObject({ sameLabelPairs: 2, labelDisagreements: 1, aOnly: 1, bOnly: 1 });
    // 2 true positives of 4 A boxes and 4 B boxes.
    expect(agreement.total.precision).toBe(0.5);
    expect(agreement.total.recall).toBe(0.5);
    expect(agreement.labels).toEqual([
      { label: 'ship', a: 2, b: 2, difference: 0, pairs: 1, precision: 0.5, recall: 0.5, f1: 0.5 },
      { label: 'tug', a: 2, b: 2, difference: 0, pairs: 1, precision: 0.5, recall: 0.5, f1: 0.5 },
    ]);
  });

  it('writes one CSV row per image, one for the case and one per label, with names made inert', () => {
    const lines = caseAgreementCsv(agreement, 'ana', 'ben').trimEnd().split('\r\n');
    expect(lines[0]).toBe('A,ana');
    expect(lines[2]).toBe('scope,name,A boxes,B boxes,same-label pairs,label disagreements,A only,B only,mean IoU,precision,recall,F1,kappa');
    expect(lines[3]).toBe('image,rajin.png,3,3,1,1,1,1,1.000,0.333,0.333,0.333,0.000');
    expect(lines[4]).toBe("image,'=cmd.png,1,1,1,0,0,0,1.000,1.000,1.000,1.000,");
    // Kappa over the pairs (ship,ship), (ship,tug), (tug,tug): po = 2/3, pe = 4/9, so 0.4.
    expect(lines[5]).toBe('case,all images,4,4,2,1,1,1,1.000,0.500,0.500,0.500,0.400');
    expect(lines.slice(6)).toEqual(['label,ship,2,2,1,,,,,0.500,0.500,0.500,', 'label,tug,2,2,1,,,,,0.500,0.500,0.500,']);
  });
});
