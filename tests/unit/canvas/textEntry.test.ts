// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isTextEntry, takesLetters } from '../../../src/canvas/textEntry';

const input = (type: string) => Object.assign(document.createElement('input'), { type });

describe('where typed keys belong', () => {
  it('gives every key typed into a field to the field', () => {
    for (const el of [input('text'), input('number'), input('radio'), document.createElement('textarea'), document.createElement('select')]) expect(isTextEntry(el)).toBe(true);
    expect(isTextEntry(document.createElement('button'))).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });

  it('lets letter shortcuts through radio buttons and checkboxes, not text fields', () => {
    expect(takesLetters(input('radio'))).toBe(false);
    expect(takesLetters(input('checkbox'))).toBe(false);
    expect(takesLetters(document.createElement('button'))).toBe(false);
    expect(takesLetters(input('text'))).toBe(true);
    expect(takesLetters(input('search'))).toBe(true);
    expect(takesLetters(document.createElement('textarea'))).toBe(true);
  });
});
