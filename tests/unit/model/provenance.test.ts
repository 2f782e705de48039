import { describe, expect, it } from 'vitest';
import { validateAttributes } from '../../../src/model/boxAttributes';
import { validateProvenance } from '../../../src/model/provenance';

const blank = { title: '', publisher: '', url: '', credit: '', licence: '', releasedAt: '', capturedAt: '', notes: '' };

describe('provenance', () => {
  it('accepts partial dates and web URLs, trimming text', () => {
    const r = validateProvenance({ ...blank, title: ' Containers at Rajin ', url: 'https://www.state.gov/x', releasedAt: '2023-10', capturedAt: '2023' });
    expect(r).toEqual({
      ok: true,
      value: { source: { title: 'Containers at Rajin', publisher: '', url: 'https://www.state.gov/x', credit: '', licence: '' }, releasedAt: '2023-10', capturedAt: '2023', notes: '' },
    });
  });

  it('names each bad field', () => {
    const r = validateProvenance({ ...blank, url: 'javascript:alert(1)', capturedAt: '2023-02-30' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errors.url).toContain('http');
      expect(r.errors.capturedAt).toContain('2023-02-30 does not exist');
      expect(r.errors.title).toBeUndefined();
    }
  });
});

describe('box attributes', () => {
  it('drops empty fields', () => {
    expect(validateAttributes({ note: '  ', name: 'KOREA 1', count: undefined })).toEqual({ ok: true, value: { name: 'KOREA 1' } });
  });

  it('refuses a negative or fractional count', () => {
    expect(validateAttributes({ count: -1 })).toMatchObject({ ok: false, error: 'Count cannot be negative' });
    expect(validateAttributes({ count: 2.5 })).toMatchObject({ ok: false, error: 'Count must be a whole number' });
  });
});
