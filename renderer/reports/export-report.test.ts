import { describe, expect, it } from 'vitest';
import type { AssessmentReport, ReportSummary } from '../../shared/reports/types';
import { csvReport, exportedComplaintIds } from './export-report';

const source = {
  summary: { rows: [{ id: 'c-1' }, { id: 'c-2' }] } as unknown as ReportSummary,
  assessment: { decisions: [{ complaintId: 'c-2' }, { complaintId: 'c-3' }] } as unknown as AssessmentReport,
};

describe('the complaints an export lists, for the access log', () => {
  it('are the KPI rows, the assessment decisions, or both for the workbook', () => {
    expect(exportedComplaintIds(source, csvReport('kpis'))).toEqual(['c-1', 'c-2']);
    expect(exportedComplaintIds(source, csvReport('assessment'))).toEqual(['c-2', 'c-3']);
    expect(exportedComplaintIds(source, 'report-xlsx')).toEqual(['c-1', 'c-2', 'c-3']);
  });
});
