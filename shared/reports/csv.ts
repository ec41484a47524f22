import type { Cell, Table } from './table';

/** Excel opens a UTF-8 CSV as UTF-8 (Chinese text intact) only with a byte-order mark. */
export const BOM = '\uFEFF';

/**
 * Text a spreadsheet would run as a formula (CSV injection): a leading
 * = + - @, or a tab / carriage return that some programs strip first.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Typed numbers are data; only text is guarded, with the conventional leading apostrophe. */
export function guardFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  return guardFormula(cell);
}

/** RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled. */
function field(cell: Cell): string {
  const text = cellText(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line ends and a BOM for Excel. */
export function toCsv(table: Pick<Table, 'headers' | 'rows'>): string {
  const lines = [table.headers, ...table.rows].map((row) => row.map(field).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
