import type { TFunction } from 'i18next';
import { toCsv } from '../../shared/reports/csv';
import { assessmentTable, kpiTable, rowsTable, type Labels, type ValueLabel } from '../../shared/reports/export-tables';
import type { Table } from '../../shared/reports/table';
import type { AssessmentReport, Directory, ReportSummary } from '../../shared/reports/types';
import { toXlsx } from '../../shared/reports/xlsx';
import type { ExportReport } from '../../shared/audit/access-record';
import { CSV_TYPE, XLSX_TYPE, downloadBlob } from './download';

export interface ExportSource {
  summary: ReportSummary;
  assessment: AssessmentReport;
  directory: Directory;
  timeZone: string;
  t: TFunction;
}

function tables(s: ExportSource): { rows: Table; kpis: Table; assessment: Table } {
  const label: Labels = (k) => s.t(`reports.col.${k}`);
  const value: ValueLabel = (kind, v) => {
    switch (kind) {
      case 'status':
        return s.t(`statuses.${v}`, { defaultValue: v });
      case 'category':
        return s.t(`categories.${v}`, { defaultValue: v });
      case 'finding':
        return s.t(`reports.findings.${v}`, { defaultValue: v });
      case 'outcome':
        return s.t(`reports.assessment.outcomes.${v}`, { defaultValue: v });
      case 'via':
        return s.t(`reports.via.${v}`, { defaultValue: v });
      case 'callbackReason':
        return s.t(`reports.assessment.callbackReasons.${v}`, { defaultValue: v });
      default:
        return v;
    }
  };
  return {
    rows: rowsTable(s.summary, s.directory, s.timeZone, label, value),
    kpis: kpiTable(s.summary, label),
    assessment: assessmentTable(s.assessment, s.directory, s.timeZone, label, value),
  };
}

/**
 * The complaints an export lists, for the access log: the complaints of the
 * KPI tab, the decisions of the assessment tab, or both (the workbook).
 */
export function exportedComplaintIds(s: Pick<ExportSource, 'summary' | 'assessment'>, what: ExportReport): string[] {
  const rows = s.summary.rows.map((r) => r.id);
  const decisions = s.assessment.decisions.map((d) => d.complaintId);
  const ids = what === 'complaints-csv' ? rows : what === 'assessment-csv' ? decisions : [...rows, ...decisions];
  return [...new Set(ids)];
}

/** The access log's name of an export. */
export const csvReport = (tab: 'kpis' | 'assessment'): ExportReport => (tab === 'kpis' ? 'complaints-csv' : 'assessment-csv');

const stem = (s: ExportSource, what: string) => `${what}-${s.summary.period.from}-${s.summary.period.to}`;

/** The complaints of the KPI tab, or the decisions of the assessment tab, as CSV. */
export function exportCsv(s: ExportSource, tab: 'kpis' | 'assessment'): void {
  const all = tables(s);
  const table = tab === 'kpis' ? all.rows : all.assessment;
  downloadBlob(toCsv(table), `${stem(s, tab === 'kpis' ? 'complaints' : 'assessment')}.csv`, CSV_TYPE);
}

/** KPIs, complaints and assessment as three sheets. */
export async function exportXlsx(s: ExportSource): Promise<void> {
  const all = tables(s);
  const bytes = await toXlsx([all.kpis, all.rows, all.assessment]);
  downloadBlob(bytes as BlobPart, `${stem(s, 'report')}.xlsx`, XLSX_TYPE);
}
