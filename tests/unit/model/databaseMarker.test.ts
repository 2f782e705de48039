import { describe, expect, it } from 'vitest';
import { checkMarker, lostDatabaseMessage, parseMarker } from '../../../src/model/databaseMarker';

const marker = { databaseId: 'db-1', cases: 3, images: 1, seenAt: '2026-11-27T09:15:30.000Z' };

describe('the database marker', () => {
  it('is read only when it has the right shape', () => {
    expect(parseMarker(JSON.stringify(marker))).toEqual(marker);
    expect(parseMarker(JSON.stringify({ ...marker, extra: '<script>' }))).toEqual(marker);
    for (const text of [null, '', 'not json', 'null', '[]', JSON.stringify({ ...marker, databaseId: '' }), JSON.stringify({ ...marker, cases: -1 }), JSON.stringify({ ...marker, images: 1.5 }), JSON.stringify({ ...marker, seenAt: 5 })]) {
      expect(parseMarker(text)).toBeNull();
    }
  });

  it('finds a database emptied or replaced behind the app, and trusts one with no marker', () => {
    expect(checkMarker(null, null)).toEqual({ kind: 'new' });
    expect(checkMarker(null, 'db-9')).toEqual({ kind: 'new' });
    expect(checkMarker(marker, 'db-1')).toEqual({ kind: 'same' });
    expect(checkMarker(marker, null)).toEqual({ kind: 'lost', marker });
    expect(checkMarker(marker, 'db-2')).toEqual({ kind: 'lost', marker });
  });

  it('tells the analyst what was there and how to get it back', () => {
    expect(lostDatabaseMessage(marker)).toBe(
      "This app's database is not the one it used before: when the app last started, on 2026-11-27 09:15 UTC, it held 3 cases and 1 image, and they are not here. " +
        'The browser may have cleared its storage, or the data folder was removed or replaced. Restore your cases from your latest bundles with "Import bundle". Nothing has been written since this start.',
    );
  });
});
