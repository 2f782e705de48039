// CSV as RFC 4180 writes it, plus the spreadsheet-safety rule for cells we export. Hand-written
// because the product needs physical line numbers for every row (so a report can say "line 7"
// even after a cell spanning three lines), which the common parsers do not give.

export type CsvParse =
  | { rows: string[][]; lineOfRow: number[] }
  /** `tooManyRows` is set when parsing stopped at `maxRows`, so a caller can word its own limit. */
  | { error: string; tooManyRows?: true };

/**
 * Splits CSV text into rows of cells. Accepts CRLF, LF or a lone CR as line ends, strips a UTF-8
 * byte-order mark and ignores the line end after the last row. `lineOfRow[i]` is the 1-based
 * physical line on which row i starts. Blank lines become rows of one empty cell, so callers
 * decide what they mean. Parsing stops with an error after `maxRows` rows, so a huge file of
 * blank lines cannot fill memory.
 */
export function parseCsv(text: string, options: { maxRows?: number } = {}): CsvParse {
  const maxRows = options.maxRows ?? Infinity;
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const n = src.length;
  const rows: string[][] = [];
  const lineOfRow: number[] = [];
  if (n === 0) return { rows, lineOfRow };

  let row: string[] = [];
  let line = 1;
  let rowLine = 1;
  let i = 0;
  for (;;) {
    if (src[i] === '"') {
      const opened = line;
      let cell = '';
      let from = i + 1;
      for (;;) {
        const quote = src.indexOf('"', from);
        if (quote === -1) return { error: `The quoted cell that begins on line ${opened} has no closing quote (").` };
        const chunk = src.slice(from, quote);
        line += countLineEnds(chunk);
        cell += chunk;
        if (src[quote + 1] !== '"') {
          i = quote + 1;
          break;
        }
        cell += '"';
        from = quote + 2;
      }
      const next = src[i];
      if (next !== undefined && next !== ',' && next !== '\r' && next !== '\n') {
        // Strict here: guessing what `"a"b` meant could silently change the wording of a claim.
        return { error: `Line ${line}: a quoted cell is followed by ${JSON.stringify(next)}; after the closing quote only a comma or the end of the line may come (write "" for a quote inside a quoted cell).` };
      }
      row.push(cell);
    } else {
      let end = i;
      while (end < n) {
        const c = src.charCodeAt(end);
        if (c === 44 /* , */ || c === 13 /* CR */ || c === 10 /* LF */) break;
        end += 1;
      }
      row.push(src.slice(i, end));
      i = end;
    }

    const sep = src[i];
    if (sep === ',') {
      i += 1;
      continue;
    }
    rows.push(row);
    lineOfRow.push(rowLine);
    if (rows.length > maxRows) return { error: `The CSV has more than ${maxRows.toLocaleString('en-US')} rows.`, tooManyRows: true };
    if (sep === undefined) break;
    i += sep === '\r' && src[i + 1] === '\n' ? 2 : 1;
    line += 1;
    if (i >= n) break;
    row = [];
    rowLine = line;
  }
  return { rows, lineOfRow };
}

function countLineEnds(s: string): number {
  let count = 0;
  for (let k = 0; k < s.length; k += 1) {
    const c = s[k];
    if (c === '\n' || (c === '\r' && s[k + 1] !== '\n')) count += 1;
  }
  return count;
}

/** One CSV line (without its line end): a cell is quoted only when it has to be. */
export function formatCsvRow(cells: readonly string[]): string {
  return cells.map((c) => (/[",\r\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(',');
}

// Spreadsheets run a cell that begins with one of these as a formula (OWASP "CSV Injection");
// a leading tab or CR is included because some spreadsheets skip it and read on.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEUTRALISED = /^'+[=+\-@\t\r]/;

/**
 * Makes a cell inert in a spreadsheet by prefixing a single quote. Cells that already begin
 * with quotes before a formula character get one more, so `restoreFormulaCell` can undo it
 * exactly and export followed by import changes nothing.
 */
export function neutraliseFormulaCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** The inverse of `neutraliseFormulaCell`: drops one leading quote it would have added. */
export function restoreFormulaCell(cell: string): string {
  return NEUTRALISED.test(cell) ? cell.slice(1) : cell;
}
