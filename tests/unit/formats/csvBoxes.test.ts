import { describe, expect, it } from 'vitest';
import { BOXES_CSV_COLUMNS, writeBoxesCsv } from '../../../src/bundle/formats/csvBoxes';
import { parseCsv } from '../../../src/model/csv';

const HEADER = 'image_file,image_sha256,box_id,label,x,y,width,height,rotation,x1,y1,x2,y2,x3,y3,x4,y4,name,count,note,author,created_at\r\n';

describe('writeBoxesCsv', () => {
  it('writes a header and one row per box with geometry, true corners and attributes, CRLF', () => {
    const csv = writeBoxesCsv([
      {
        image: { fileName: 'busan.png', width: 1042, height: 699, sha256: 'ab12', boxes: [] },
        boxes: [
          {
            id: 'b1',
            label: 'container stack',
            geometry: { x: 10, y: 20, width: 40, height: 10, rotation: 90 },
            attributes: { name: 'MV "Angara", IMO 9179842', count: 12, note: 'two\nlines' },
            author: 'ana',
            createdAt: '2024-01-02T03:04:05.000Z',
          },
        ],
      },
    ]);
    expect(csv).toBe(
      `${HEADER}busan.png,ab12,b1,container stack,10,20,40,10,90,35,5,35,45,25,45,25,5,"MV ""Angara"", IMO 9179842",12,"two\nlines",ana,2024-01-02T03:04:05.000Z\r\n`,
    );
    expect(BOXES_CSV_COLUMNS.join(',')).toBe(HEADER.trimEnd());
  });

  it('neutralises text cells a spreadsheet would run as formulas, but writes negative numbers plainly', () => {
    const csv = writeBoxesCsv([
      {
        image: { fileName: '=cmd.png', width: 10, height: 10, boxes: [] },
        boxes: [
          {
            id: '-1',
            label: '@ship',
            geometry: { x: -3.5, y: -0.25, width: 7, height: 2, rotation: -45.5 },
            attributes: { name: '+1', note: '\tx', count: -2 },
            author: '-',
            createdAt: '2024',
          },
        ],
      },
    ]);
    const parsed = parseCsv(csv);
    expect('rows' in parsed).toBe(true);
    const row = 'rows' in parsed ? parsed.rows[1] : [];
    expect(row?.slice(0, 9)).toEqual(["'=cmd.png", '', "'-1", "'@ship", '-3.5', '-0.25', '7', '2', '-45.5']);
    expect(row?.slice(17)).toEqual(["'+1", '-2', "'\tx", "'-", '2024']);
    // Corners are numbers too, negative ones included, with at most six decimals.
    for (const cell of row?.slice(9, 17) ?? []) expect(cell).toMatch(/^-?\d+(\.\d{1,6})?$/);
  });

  it('writes just the header when there are no boxes', () => {
    expect(writeBoxesCsv([])).toBe(HEADER);
    expect(writeBoxesCsv([{ image: { fileName: 'a.png', width: 1, height: 1, boxes: [] }, boxes: [] }])).toBe(HEADER);
  });
});
