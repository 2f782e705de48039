// Every box as one CSV row, for spreadsheets and scripts: the stored geometry (rotation kept)
// and the four true corners, so a reader needs no trigonometry to draw a rotated box.
import { boxCorners } from '../../model/geometry';
import { formatCsvRow, neutraliseFormulaCell } from '../../model/csv';
import { decimal } from './types';
import type { FormatBox, FormatImage } from './types';

export const BOXES_CSV_COLUMNS = [
  'image_file',
  'image_sha256',
  'box_id',
  'label',
  'x',
  'y',
  'width',
  'height',
  'rotation',
  'x1',
  'y1',
  'x2',
  'y2',
  'x3',
  'y3',
  'x4',
  'y4',
  'name',
  'count',
  'note',
  'author',
  'created_at',
] as const;

export type CsvBox = FormatBox & { id: string; author: string; createdAt: string };

// Six decimals: far below a pixel, and short enough to read in a spreadsheet.
const num = (v: number) => decimal(v, 6);
/** Text a person or another tool wrote: made inert if a spreadsheet would run it as a formula. */
const text = (v: string | undefined) => neutraliseFormulaCell(v ?? '');

/**
 * The boxes as CSV with a header row and CRLF line ends (RFC 4180). Text cells that a
 * spreadsheet would run as a formula get a leading ' (see model/csv.ts); numeric cells are
 * written plainly, so a negative coordinate stays a number. Corners run clockwise from the
 * unrotated top-left (x1, y1), as in the DOTA export.
 */
export function writeBoxesCsv(rows: { image: FormatImage; boxes: CsvBox[] }[]): string {
  const lines: string[][] = [[...BOXES_CSV_COLUMNS]];
  for (const { image, boxes } of rows) {
    for (const box of boxes) {
      const g = box.geometry;
      const corners = boxCorners(g).flatMap((p) => [num(p.x), num(p.y)]);
      const count = box.attributes?.count;
      lines.push([
        text(image.fileName),
        text(image.sha256),
        text(box.id),
        text(box.label),
        num(g.x),
        num(g.y),
        num(g.width),
        num(g.height),
        num(g.rotation),
        ...corners,
        text(box.attributes?.name),
        count === undefined ? '' : String(count),
        text(box.attributes?.note),
        text(box.author),
        text(box.createdAt),
      ]);
    }
  }
  return lines.map((cells) => `${formatCsvRow(cells)}\r\n`).join('');
}
