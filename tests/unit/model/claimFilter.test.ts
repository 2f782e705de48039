import { describe, expect, it } from 'vitest';
import { NO_FILTER, filterProblems } from '../../../src/model/claimQuery';

describe('filterProblems', () => {
  it('names each bound of the date range that is not a date', () => {
    expect(filterProblems({ ...NO_FILTER, from: '2023-13', to: 'soon' })).toEqual([
      'Claimed from: month 13 does not exist; the filter leaves it out.',
      'Claimed to: "soon" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD (for example 2023-10-13); the filter leaves it out.',
    ]);
  });

  it('has nothing to say of partial dates or empty bounds', () => {
    expect(filterProblems({ ...NO_FILTER, from: '2023', to: ' 2023-10-13 ' })).toEqual([]);
    expect(filterProblems({ ...NO_FILTER, from: '  ' })).toEqual([]);
  });
});
