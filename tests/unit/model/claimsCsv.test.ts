import { describe, expect, it } from 'vitest';
import type { ClaimFields } from '../../../src/model/claimInput';
import { CLAIM_CSV_COLUMNS, MAX_CLAIMS_CSV_BYTES, parseCsv, readClaimsCsv, writeClaimsCsv } from '../../../src/model/claimsCsv';
import { neutraliseFormulaCell, restoreFormulaCell } from '../../../src/model/csv';

const HEADER = CLAIM_CSV_COLUMNS.join(',');
const NOTHING = ' Nothing was imported.';

const claim = (over: Partial<ClaimFields> = {}): ClaimFields => ({
  statement: 'North Korea delivered more than 1,000 containers.',
  claimant: 'John Kirby',
  role: 'NSC',
  claimedAt: '2023-10-13',
  period: { from: '2023-09-07', to: '2023-10-01' },
  source: { title: 'Briefing', publisher: 'The White House', url: 'https://example.org/briefing', accessedAt: '2024-01' },
  quantity: { value: 1000, unit: 'containers', qualifier: 'more-than' },
  tags: ['containers', 'munitions'],
  notes: '',
  ...over,
});

const ROW = '"North Korea delivered more than 1,000 containers.",John Kirby,NSC,2023-10-13,2023-09-07,2023-10-01,Briefing,The White House,https://example.org/briefing,2024-01,1000,containers,more than,containers; munitions,';

describe('parseCsv', () => {
  it('reads quoted cells holding commas, doubled quotes and line breaks', () => {
    expect(parseCsv('a,"b,c","say ""hi""","x\ny",""\n')).toEqual({ rows: [['a', 'b,c', 'say "hi"', 'x\ny', '']], lineOfRow: [1] });
  });

  it('reads LF, CRLF, a byte-order mark and a missing last line end alike', () => {
    const expected = { rows: [['a', 'b'], ['1', '2']], lineOfRow: [1, 2] };
    for (const text of ['a,b\n1,2\n', 'a,b\r\n1,2\r\n', '\uFEFFa,b\r\n1,2\r\n', 'a,b\n1,2', 'a,b\r1,2\r']) {
      expect(parseCsv(text)).toEqual(expected);
    }
  });

  it('numbers rows by the physical line they start on, after cells spanning lines', () => {
    expect(parseCsv('h\n"one\r\ntwo\nthree\rfour"\nnext\n"a\n""\n"""\nlast')).toEqual({
      rows: [['h'], ['one\r\ntwo\nthree\rfour'], ['next'], ['a\n"\n"'], ['last']],
      lineOfRow: [1, 2, 6, 7, 10],
    });
  });

  it('keeps blank lines and trailing empty cells, ignoring only the final line end', () => {
    expect(parseCsv('a,\n\nb\n\n')).toEqual({ rows: [['a', ''], [''], ['b'], ['']], lineOfRow: [1, 2, 3, 4] });
    expect(parseCsv('')).toEqual({ rows: [], lineOfRow: [] });
    expect(parseCsv('\uFEFF')).toEqual({ rows: [], lineOfRow: [] });
  });

  it('treats a quote inside an unquoted cell as text', () => {
    expect(parseCsv('a 5" gun,b\n')).toEqual({ rows: [['a 5" gun', 'b']], lineOfRow: [1] });
  });

  it('names the line where an unterminated quoted cell began', () => {
    expect(parseCsv('a,b\n1,"open\nmore\n')).toEqual({ error: 'The quoted cell that begins on line 2 has no closing quote (").' });
  });

  it('refuses text after a closing quote instead of guessing', () => {
    expect(parseCsv('a\n"b"c,d\n')).toEqual({
      error: 'Line 2: a quoted cell is followed by "c"; after the closing quote only a comma or the end of the line may come (write "" for a quote inside a quoted cell).',
    });
  });

  it('stops after maxRows rows', () => {
    expect(parseCsv('a\nb\nc\n', { maxRows: 3 })).toEqual({ rows: [['a'], ['b'], ['c']], lineOfRow: [1, 2, 3] });
    expect(parseCsv('a\nb\nc\nd\n', { maxRows: 3 })).toEqual({ error: 'The CSV has more than 3 rows.', tooManyRows: true });
  });
});

describe('readClaimsCsv', () => {
  it('reads a full row into the fields of a claim', () => {
    expect(readClaimsCsv(`${HEADER}\r\n${ROW}\r\n`)).toEqual({ claims: [claim()], problems: [] });
  });

  it('matches headers without regard to case, surrounding spaces or order, and allows missing columns', () => {
    const text = ' Claimed_At ,STATEMENT,Source URL,quantity-value,Quantity Unit\n2023-11,Shells sent,https://example.org/nis,"1,000,000",artillery shells\n';
    expect(readClaimsCsv(text)).toEqual({
      claims: [{
        statement: 'Shells sent', claimant: '', role: '', claimedAt: '2023-11', period: { from: '', to: '' },
        source: { title: '', publisher: '', url: 'https://example.org/nis', accessedAt: '' },
        quantity: { value: 1_000_000, unit: 'artillery shells', qualifier: 'exactly' }, tags: [], notes: '',
      }],
      problems: [],
    });
  });

  it('refuses a file without a statement column', () => {
    expect(readClaimsCsv('claimant,claimed_at\nKirby,2023\n')).toEqual({
      claims: [], problems: [],
      error: `The CSV has no "statement" column. The first line must name the columns, from: ${CLAIM_CSV_COLUMNS.join(', ')}.${NOTHING}`,
    });
  });

  it('refuses unknown and repeated columns, naming them', () => {
    expect(readClaimsCsv('statement,claimed_on,Notes,notes,\nx,2023,a,b,\n').error).toBe(
      `The CSV has unknown columns: "claimed_on" (column 2), an unnamed column (column 5). The CSV repeats a column: "notes". The first line must name the columns, from: ${CLAIM_CSV_COLUMNS.join(', ')}.${NOTHING}`,
    );
  });

  it('refuses an empty file and passes on quoting faults', () => {
    expect(readClaimsCsv('').error).toBe(`The CSV is empty; its first line must be the header.${NOTHING}`);
    expect(readClaimsCsv('statement\n"never closed\n').error).toBe(`The quoted cell that begins on line 2 has no closing quote (").${NOTHING}`);
  });

  it('skips a row with the wrong number of cells and keeps the others', () => {
    const text = `${HEADER}\n${ROW}\n"Only, three",cells,here\n${ROW}\n`;
    expect(readClaimsCsv(text)).toEqual({ claims: [claim(), claim()], problems: [{ line: 3, message: 'line 3: expected 15 cells, found 3.' }] });
  });

  it('reports a bad date and a bad URL by the line their row starts on, after a multi-line cell', () => {
    const text = [
      'statement,notes,claimed_at,source_url',
      'Good,"first\nsecond\nthird",2023-10,',
      'Bad date,,2023-13,',
      'Bad URL,,2023,ftp://example.org/x',
      'Both,,2023-02-30,example.org',
    ].join('\r\n');
    expect(readClaimsCsv(text)).toEqual({
      claims: [expect.objectContaining({ statement: 'Good', notes: 'first\nsecond\nthird', claimedAt: '2023-10' })],
      problems: [
        { line: 5, message: 'line 5: Date claimed: month 13 does not exist.' },
        { line: 6, message: 'line 6: Source URL must start with http:// or https://.' },
        { line: 7, message: 'line 7: Date claimed: 2023-02-30 does not exist; Source URL must start with http:// or https://.' },
      ],
    });
  });

  it('reports hidden characters by line, through the same check as the form', () => {
    const text = ['statement,claimant', 'Good,Port spokesperson', '"Shipped 1000\u202e0 containers",NIS', 'Fine,Kirby\u001b[2J'].join('\n');
    expect(readClaimsCsv(text)).toEqual({
      claims: [expect.objectContaining({ statement: 'Good' })],
      problems: [
        { line: 3, message: 'line 3: Statement contains an invisible character (U+202E) that changes the order in which text is shown; remove it.' },
        { line: 4, message: 'line 4: Claimant contains a control character (U+001B), which cannot be seen; remove it.' },
      ],
    });
  });

  it('lists every fault of a row in column order', () => {
    const text = 'notes,quantity_unit,quantity_value,statement\nfine,containers,lots,\n';
    expect(readClaimsCsv(text).problems).toEqual([
      { line: 2, message: 'line 2: Statement is required; Quantity "lots" is not a number of zero or more.' },
    ]);
  });

  it('skips completely empty rows silently', () => {
    const text = `${HEADER}\n\n${','.repeat(14)}\n  ,${' ,'.repeat(13)} \n${ROW}\n\n`;
    expect(readClaimsCsv(text)).toEqual({ claims: [claim()], problems: [] });
  });

  it('accepts each qualifier in words or hyphenated, and tags separated by semicolons', () => {
    const text = 'statement,quantity_value,quantity_unit,quantity_qualifier,tags\n'
      + 'a,1,ships,about,rail;  imagery ;rail\nb,2,ships,More Than,\nc,3,ships,more-than,\nd,4,ships,fewer than,\ne,5,ships,exactly,\nf,6,ships,,\n';
    const read = readClaimsCsv(text);
    expect(read.problems).toEqual([]);
    expect(read.claims.map((c) => c.quantity?.qualifier)).toEqual(['about', 'more-than', 'more-than', 'fewer-than', 'exactly', 'exactly']);
    expect(read.claims[0]?.tags).toEqual(['rail', 'imagery']);
    expect(readClaimsCsv('statement,quantity_value,quantity_unit,quantity_qualifier\nx,1,ships,roughly\n').problems).toEqual([
      { line: 2, message: 'line 2: Qualifier must be one of: about, more than, fewer than, exactly.' },
    ]);
  });

  it('refuses more than 5 MiB of text, counted in UTF-8 bytes', () => {
    const head = 'statement\n';
    const atLimit = head + 'x'.repeat(MAX_CLAIMS_CSV_BYTES - head.length);
    const read = readClaimsCsv(atLimit);
    expect(read.error).toBeUndefined();
    expect(read.problems).toEqual([{ line: 2, message: 'line 2: Statement can have at most 5,000 characters (it has 5,242,870).' }]);
    const tooBig = `The CSV is larger than 5 MiB, the most this app reads at once; split it into smaller files.${NOTHING}`;
    expect(readClaimsCsv(`${atLimit}x`)).toEqual({ claims: [], problems: [], error: tooBig });
    // Half as many characters as the limit, but each é is two bytes.
    expect(readClaimsCsv(head + 'é'.repeat(MAX_CLAIMS_CSV_BYTES / 2)).error).toBe(tooBig);
  });

  it('reads 10,000 rows after the header and refuses 10,001', () => {
    expect(readClaimsCsv(`statement\n${'x\n'.repeat(10_000)}`).claims).toHaveLength(10_000);
    expect(readClaimsCsv(`statement\n${'x\n'.repeat(10_001)}`)).toEqual({
      claims: [], problems: [],
      error: `The CSV has more than 10,000 rows after the header; split it into smaller files.${NOTHING}`,
    });
  });
});

describe('writeClaimsCsv', () => {
  it('writes a header and one CRLF-ended row per claim, quoting only where needed', () => {
    expect(writeClaimsCsv([claim()])).toBe(`${HEADER}\r\n${ROW}\r\n`);
    expect(writeClaimsCsv([])).toBe(`${HEADER}\r\n`);
  });

  it('writes numbers plainly and a missing quantity as empty cells', () => {
    const csv = writeClaimsCsv([
      claim({ quantity: { value: 1_000_000, unit: 'artillery shells', qualifier: 'about' } }),
      claim({ quantity: null, tags: [], notes: 'line one\nline "two"' }),
    ]);
    const rows = (parseCsv(csv) as { rows: string[][] }).rows;
    expect(rows[1]?.slice(10)).toEqual(['1000000', 'artillery shells', 'about', 'containers; munitions', '']);
    expect(rows[2]?.slice(10)).toEqual(['', '', '', '', 'line one\nline "two"']);
    expect(csv).toContain(',,,,"line one\nline ""two"""\r\n');
  });

  it.each(['=SUM(A1:A2)', '+44 20 7946 0000', '-5 ships', '@cmd', '\t=1+1', '\r=1+1'])('neutralises a cell beginning %j', (cell) => {
    const rows = (parseCsv(writeClaimsCsv([claim({ statement: cell, claimant: cell })])) as { rows: string[][] }).rows;
    expect(rows[1]?.slice(0, 2)).toEqual([`'${cell}`, `'${cell}`]);
  });

  it('neutralises before deciding on quotes', () => {
    expect(writeClaimsCsv([claim({ statement: '=1,2', role: '"=x"' })]).split('\r\n')[1]).toMatch(/^"'=1,2",John Kirby,"""=x""",/);
  });

  it('adds one more quote to a cell already beginning with quotes before a formula character', () => {
    expect(neutraliseFormulaCell("'=1")).toBe("''=1");
    expect(neutraliseFormulaCell("'plain")).toBe("'plain");
    expect(neutraliseFormulaCell('a=1')).toBe('a=1');
    expect(restoreFormulaCell("''=1")).toBe("'=1");
    expect(restoreFormulaCell("'plain")).toBe("'plain");
    expect(restoreFormulaCell('=1')).toBe('=1');
  });

  it('round-trips tricky claims through export and import unchanged', () => {
    const claims: ClaimFields[] = [
      claim({ statement: '=SUM(1)', notes: 'first line\nsecond, with comma\r\nthird "quoted"' }),
      claim({ statement: '-5 ships', quantity: { value: 5, unit: 'ships', qualifier: 'fewer-than' }, tags: ['ships', 'imagery', 'example-dataset'] }),
      claim({ statement: "'=already quoted", claimant: '@handle', quantity: { value: 6700, unit: 'containers', qualifier: 'about' } }),
      claim({ statement: '+1 more', role: "''+two quotes", quantity: { value: 0.5, unit: 'trains', qualifier: 'exactly' } }),
      claim({ statement: 'No figure', quantity: null, tags: [], period: { from: '', to: '2023' }, source: { title: '', publisher: '', url: '', accessedAt: '' } }),
    ];
    expect(readClaimsCsv(writeClaimsCsv(claims))).toEqual({ claims, problems: [] });
  });
});

describe('the example claims CSV in assets/', () => {
  it('imports with no problems', async () => {
    // The unit project is typed for the renderer (no Node types), so node:fs is typed by hand here.
    const fsModule: string = 'node:fs';
    const { readFileSync } = (await import(fsModule)) as { readFileSync: (path: URL, encoding: 'utf8') => string };
    const text = readFileSync(new URL('../../../assets/claims-2023-dprk-russia-shipments.csv', import.meta.url), 'utf8');
    const read = readClaimsCsv(text);
    expect(read.error).toBeUndefined();
    expect(read.problems).toEqual([]);
    expect(read.claims).toHaveLength(6);
    for (const c of read.claims) {
      expect(c.tags).toContain('example-dataset');
      expect(c.notes).toMatch(/^Compiled from memory of public reporting; verify against the original source before relying on it\./);
      expect(c.source.url).toBe('');
      expect(c.source.accessedAt).toBe('');
    }
    expect(read.claims[0]).toMatchObject({ claimant: 'John Kirby', claimedAt: '2023-10-13', quantity: { value: 1000, unit: 'containers', qualifier: 'more-than' } });
  });
});
