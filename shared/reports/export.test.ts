import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { computeAssessment } from './assessment';
import { toCsv } from './csv';
import { assessmentTable, kpiTable, rowsTable } from './export-tables';
import { FIXTURE_DIRECTORY } from '../test-support/report-fixture';
import { computeSummary } from './summary';
import { fixtureInput } from '../test-support/report-test-data';
import { toXlsx } from './xlsx';

const TZ = 'Asia/Shanghai';

describe('exports of the report', () => {
  const summary = computeSummary(fixtureInput());

  it('writes the complaints behind the figures to CSV with masked phones', () => {
    const csv = toCsv(rowsTable(summary, FIXTURE_DIRECTORY, TZ));
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Number,Status,Category,Grade,Branch,Team,Agent,Attributed via,Phone,Received,Resolved,Handling deadline,On time,Handling hours,Handling working days,Finding,Revoked after callback,Repeat,Satisfaction %',
    );
    const r02 = lines.find((l) => l.startsWith('R02,'));
    expect(r02).toBe('R02,resolved,product_quality,3,广州分公司,广州一班,陈晓琳,registrar,139****0003,2026-11-05 10:00,2026-11-10 09:00,2026-11-09 17:00,FALSE,119,3,,,TRUE,60');
    expect(csv).not.toContain('13900000003');
    expect(lines.filter((l) => l !== '')).toHaveLength(summary.rows.length + 1);
  });

  it('writes an XLSX that reads back with the same cells', async () => {
    const tables = [kpiTable(summary), rowsTable(summary, FIXTURE_DIRECTORY, TZ), assessmentTable(computeAssessment(fixtureInput()), FIXTURE_DIRECTORY, TZ)];
    const bytes = await toXlsx(tables);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['KPIs', 'Complaints', 'Assessment']);
    const kpis = wb.getWorksheet('KPIs');
    expect(kpis?.getRow(2).values).toEqual([undefined, 'Total', '2026-11-01 – 2026-11-30', 19, 2, 12, 3, 2, 1, 66.67, 65.67, 2, 2, 80, 1]);
    const rows = wb.getWorksheet('Complaints');
    expect(rows?.rowCount).toBe(summary.rows.length + 1);
    const phones = (rows?.getColumn(9).values ?? []).slice(2);
    expect(phones.every((p) => typeof p === 'string' && p.includes('****'))).toBe(true);
    const assessment = wb.getWorksheet('Assessment');
    const s09 = assessment?.getRows(2, assessment.rowCount - 1)?.find((r) => r.getCell(1).value === 'S09');
    expect(s09?.getCell(7).value).toBe('over_limit');
    // The 11th service-quality complaint against gz-t1 in November.
    expect(s09?.getCell(9).value).toBe(11);
  });

  it('guards formula-looking text in XLSX cells too', async () => {
    const bytes = await toXlsx([{ name: 'x', headers: ['v'], rows: [['=1+1'], [-1]] }]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws?.getCell('A2').value).toBe("'=1+1");
    expect(ws?.getCell('A3').value).toBe(-1);
  });
});
