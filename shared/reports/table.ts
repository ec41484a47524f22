/** A sheet of an export: a header row and typed cells, before any file format. */
export type Cell = string | number | boolean | null;

export interface Table {
  /** Sheet name (XLSX) / file stem (CSV). */
  name: string;
  headers: string[];
  rows: Cell[][];
}
