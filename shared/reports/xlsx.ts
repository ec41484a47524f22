import type { Workbook } from 'exceljs';
import { guardFormula } from './csv';
import type { Table } from './table';

/** Excel's limits on a sheet name: 31 characters, none of : \ / ? * [ ]. */
export function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Sheet';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 28)} ${i}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function newWorkbook(): Promise<Workbook> {
  // Loaded on demand: the library is large and only an export needs it.
  const mod = (await import('exceljs')) as unknown as { default?: { Workbook: new () => Workbook }; Workbook?: new () => Workbook };
  const ExcelJS = mod.default ?? mod;
  if (!ExcelJS.Workbook) throw new Error('exceljs did not load');
  return new ExcelJS.Workbook();
}

/**
 * One sheet per table; text cells are written as text (never formulas) and
 * guarded like the CSV so a copy-paste out of the sheet stays harmless.
 */
export async function toXlsx(tables: readonly Table[]): Promise<Uint8Array> {
  const wb = await newWorkbook();
  wb.creator = 'Hotline Desk';
  const taken = new Set<string>();
  for (const t of tables) {
    const ws = wb.addWorksheet(sheetName(t.name, taken), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.addRow(t.headers).font = { bold: true };
    for (const row of t.rows) ws.addRow(row.map((c) => (typeof c === 'string' ? guardFormula(c) : c)));
    ws.columns.forEach((col, i) => {
      const widest = Math.max(...[t.headers[i] ?? '', ...t.rows.map((r) => String(r[i] ?? ''))].map((s) => s.length));
      col.width = Math.min(40, Math.max(8, widest + 2));
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
