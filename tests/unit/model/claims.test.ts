import { describe, expect, it } from 'vitest';
import { checkClaim, claimToInput, emptyClaimInput } from '../../../src/model/claimInput';
import { filterClaims, NO_FILTER, sortClaims } from '../../../src/model/claimQuery';
import { comparePartialDates } from '../../../src/model/dates';
import { describeEvidence, describeTally, formatQuantity, labelForUnit, singular, tallyEvidence, tallyVerdict, type LinkedBox } from '../../../src/model/quantity';
import type { Annotation, ClaimRecord, LinkRecord, Relation } from '../../../src/model/records';

const input = (patch: Partial<ReturnType<typeof emptyClaimInput>>) => ({ ...emptyClaimInput(), statement: 'Something was said.', ...patch });

describe('checking a claim', () => {
  it('turns form text into claim fields', () => {
    const r = checkClaim(
      input({ claimant: ' John Kirby ', claimedAt: '2023-10-13', periodFrom: '2023-09-07', periodTo: '2023-10-01', quantityValue: '1,000', quantityUnit: 'containers', quantityQualifier: 'more than', tags: 'containers; rail, containers', sourceUrl: 'https://www.whitehouse.gov/' }),
    );
    expect(r).toEqual({
      ok: true,
      value: {
        statement: 'Something was said.', claimant: 'John Kirby', role: '', claimedAt: '2023-10-13', period: { from: '2023-09-07', to: '2023-10-01' },
        source: { title: '', publisher: '', url: 'https://www.whitehouse.gov/', accessedAt: '' }, quantity: { value: 1000, unit: 'containers', qualifier: 'more-than' },
        tags: ['containers', 'rail'], notes: '',
      },
    });
    if (r.ok) expect(checkClaim(claimToInput(r.value))).toEqual(r);
  });

  it('names each problem by field', () => {
    const r = checkClaim({ ...emptyClaimInput(), claimedAt: '2023-13', periodFrom: '2024', periodTo: '2023', quantityValue: 'many', sourceUrl: 'javascript:alert(1)', quantityQualifier: 'roughly' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors).toEqual({
        statement: 'Statement is required.',
        claimedAt: 'Date claimed: month 13 does not exist.',
        periodTo: 'Period to is before Period from.',
        sourceUrl: 'Source URL must start with http:// or https://.',
        quantityValue: 'Quantity "many" is not a number of zero or more.',
        quantityUnit: 'Unit is required with a quantity (for example "containers").',
        quantityQualifier: 'Qualifier must be one of: about, more than, fewer than, exactly.',
      });
    }
  });

  it('refuses a statement of 100,000 characters, naming the limit and the length', () => {
    expect(checkClaim(input({ statement: 'x'.repeat(100_000) }))).toEqual({ ok: false, errors: { statement: 'Statement can have at most 5,000 characters (it has 100,000).' } });
  });

  it.each([
    ['a NUL', 'statement', 'a\u0000b', 'Statement contains a control character (U+0000), which cannot be seen; remove it.'],
    ['an escape starting a terminal sequence', 'claimant', 'Kirby\u001b[31m', 'Claimant contains a control character (U+001B), which cannot be seen; remove it.'],
    ['a C1 control', 'notes', 'note\u0085', 'Notes contains a control character (U+0085), which cannot be seen; remove it.'],
    ['a right-to-left override', 'statement', 'Shipped 1000\u202e0 containers', 'Statement contains an invisible character (U+202E) that changes the order in which text is shown; remove it.'],
    ['a first-strong isolate', 'sourceTitle', 'Report \u2068x\u2069', 'Source title contains an invisible character (U+2068) that changes the order in which text is shown; remove it.'],
    ['an override in a tag', 'tags', 'containers, \u202erail', 'Tags contains an invisible character (U+202E) that changes the order in which text is shown; remove it.'],
  ] as const)('refuses %s, naming the field and the character', (_, field, value, message) => {
    expect(checkClaim(input({ [field]: value }))).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('refuses a control character in a quantity unit', () => {
    expect(checkClaim(input({ quantityValue: '3', quantityUnit: 'ships\u0007' }))).toEqual({ ok: false, errors: { quantityUnit: 'Unit contains a control character (U+0007), which cannot be seen; remove it.' } });
  });

  it('keeps line breaks, tabs and right-to-left writing, which need no hidden characters', () => {
    expect(checkClaim(input({ statement: 'two\nlines\r\nand\ta tab' })).ok).toBe(true);
    expect(checkClaim(input({ statement: 'ميناء راجين', claimant: 'דובר הנמל' })).ok).toBe(true);
  });
});

describe('ordering partial dates', () => {
  it('puts a coarser date before the finer dates inside it, and unknown dates last', () => {
    const dates = ['2023-10-13', '', '2023', '2022-12-31', '2023-10', '2024'];
    expect([...dates].sort(comparePartialDates)).toEqual(['2022-12-31', '2023', '2023-10', '2023-10-13', '2024', '']);
  });
});

const claim = (id: string, patch: Partial<ClaimRecord>): ClaimRecord => ({
  id, caseId: 'c', statement: `statement ${id}`, claimant: '', role: '', claimedAt: '', period: { from: '', to: '' },
  source: { title: '', publisher: '', url: '', accessedAt: '' }, quantity: null, tags: [], notes: '', createdAt: '', updatedAt: '', ...patch,
});

describe('finding claims', () => {
  const claims = [
    claim('a', { claimedAt: '2023-10-13', claimant: 'John Kirby', tags: ['containers'], statement: 'More than 1,000 containers' }),
    claim('b', { claimedAt: '2023-11', claimant: 'NIS', tags: ['shells'] }),
    claim('c', { claimedAt: '', claimant: 'Unknown' }),
    claim('d', { claimedAt: '2023', claimant: 'Someone', tags: ['containers'] }),
  ];

  it('sorts by date claimed, undated last, either way', () => {
    expect(sortClaims(claims).map((c) => c.id)).toEqual(['d', 'a', 'b', 'c']);
    expect(sortClaims(claims, 'desc').map((c) => c.id)).toEqual(['b', 'a', 'd', 'c']);
  });

  it('filters by words, claimant, tag and a date range that partial dates overlap', () => {
    const ids = (f: Partial<typeof NO_FILTER>) => filterClaims(claims, { ...NO_FILTER, ...f }).map((c) => c.id);
    expect(ids({ text: '1,000 CONTAINERS' })).toEqual(['a']);
    expect(ids({ claimant: 'kirby' })).toEqual(['a']);
    expect(ids({ tag: 'containers' })).toEqual(['a', 'd']);
    expect(ids({ from: '2023-11-01' })).toEqual(['b', 'd']);
    expect(ids({ from: '2023-10', to: '2023-10' })).toEqual(['a', 'd']);
    expect(ids({ to: '2022' })).toEqual([]);
  });
});

const box = (id: string, label: string, count?: number, imageId = 'img-1'): Annotation => ({
  id, imageId, caseId: 'c', label, geometry: { x: 0, y: 0, width: 1, height: 1, rotation: 0 }, attributes: count === undefined ? {} : { count },
  author: 'a', createdAt: '', updatedAt: '', revision: 1,
});
const linked = (annotation: Annotation, relation: Relation): LinkedBox => ({
  annotation, image: undefined, link: { id: `l-${annotation.id}`, caseId: 'c', annotationId: annotation.id, claimId: 'k', relation, note: '', author: 'a', createdAt: '' } as LinkRecord,
});

describe('the quantity check', () => {
  const labels = ['ship', 'container', 'container stack'];
  const kirby = claim('k', { quantity: { value: 1000, unit: 'containers', qualifier: 'more-than' } });

  it('matches units to labels by their singular', () => {
    expect(singular('containers')).toBe('container');
    expect(singular('rail cars')).toBe('rail car');
    expect(singular('boxes')).toBe('box');
    expect(singular('batteries')).toBe('battery');
    expect(labelForUnit('Containers', labels)).toBe('container');
    expect(labelForUnit('artillery shells', labels)).toBeNull();
  });

  it('counts boxes, their count attribute where set, and stacks through their count', () => {
    const evidence = [
      linked(box('1', 'container'), 'supports'),
      linked(box('2', 'container', 40), 'supports'),
      linked(box('3', 'container stack', 270, 'img-2'), 'supports'),
      linked(box('4', 'container stack', undefined, 'img-2'), 'supports'), // a stack nobody counted adds nothing
      linked(box('5', 'ship', 3), 'supports'),
      linked(box('6', 'container', 500, 'img-3'), 'contradicts'),
    ];
    const tally = tallyEvidence(kirby, evidence, labels)!;
    expect(tally).toEqual({ total: 311, boxes: 3, images: 2, label: 'container' });
    expect(describeTally(kirby.quantity!, tally)).toBe('claimed: more than 1,000 containers; linked evidence: 311 containers in 2 images');
    expect(tallyEvidence(kirby, evidence, labels, 'contradicts')).toEqual({ total: 500, boxes: 1, images: 1, label: 'container' });
    expect(tallyVerdict(kirby.quantity!, tally.total)).toBe('short');
  });

  it('names a single unit by its label, in the singular', () => {
    const one = tallyEvidence(kirby, [linked(box('1', 'container'), 'supports')], labels)!;
    expect(describeTally(kirby.quantity!, one)).toBe('claimed: more than 1,000 containers; linked evidence: 1 container in 1 image');
    const stackOfOne = tallyEvidence(kirby, [linked(box('2', 'container stack', 1), 'contradicts')], labels, 'contradicts')!;
    expect(describeEvidence(kirby.quantity!, stackOfOne)).toBe('1 container in 1 image');
    const none = tallyEvidence(kirby, [], labels)!;
    expect(describeEvidence(kirby.quantity!, none)).toBe('0 containers in 0 images');
  });

  it('has nothing to tally without a quantity or a label for its unit', () => {
    expect(tallyEvidence(claim('x', {}), [], labels)).toBeNull();
    expect(tallyEvidence(claim('y', { quantity: { value: 1, unit: 'shells', qualifier: 'exactly' } }), [], labels)).toBeNull();
  });

  it('words quantities and judges each qualifier', () => {
    expect(formatQuantity({ value: 6700, unit: 'containers', qualifier: 'about' })).toBe('about 6,700 containers');
    expect(formatQuantity({ value: 3, unit: 'ships', qualifier: 'exactly' })).toBe('3 ships');
    expect(tallyVerdict({ value: 100, unit: 'x', qualifier: 'about' }, 95)).toBe('meets');
    expect(tallyVerdict({ value: 100, unit: 'x', qualifier: 'fewer-than' }, 100)).toBe('exceeds');
    expect(tallyVerdict({ value: 3, unit: 'x', qualifier: 'exactly' }, 3)).toBe('meets');
  });
});
