import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localDay } from '../../shared/calendar/calendar';
import { monthOf } from '../../shared/reports/period';
import type { GroupKpis, Kpis, ReportFilter, ReportPeriod, ReportSummary } from '../../shared/reports/types';
import { formatInstant } from '../../shared/reports/format';
import type { SessionUser } from '../data/types/session';
import { seesAllBranches } from '../../shared/roles';
import { AssessmentView } from './AssessmentView';
import { BarFigure } from './BarFigure';
import { ComplaintRecord } from './ComplaintRecord';
import { DrillRows } from './DrillRows';
import { Figure, type Drill } from './Figure';
import { csvReport, exportCsv, exportedComplaintIds, exportXlsx } from './export-report';
import { useRecordAccess } from '../hooks/use-access-recording';
import { useReport } from './use-report';
import { useDrill } from './use-drill';
import { agentBars, categoryBars, figureWithValue, timelinessBars } from './chart-data';
import { FilterSelect } from './FilterSelect';
import { useReference } from '../hooks/use-reference';
import './print.css';

type Tab = 'kpis' | 'assessment';

function KpiCards({ k, backlog, onDrill }: { k: Kpis; backlog: ReportSummary['backlog']; onDrill(d: Drill): void }) {
  const { t } = useTranslation();
  const none = t('reports.kpi.none');
  const card = (label: string, value: string | number, ids: string[]) => (
    <button
      type="button"
      className="kpi"
      key={label}
      aria-label={t('reports.showRows', { figure: figureWithValue(label, value) })}
      onClick={() => onDrill({ figure: label, ids })}
    >
      <span>{label}</span> <strong>{value}</strong>
    </button>
  );
  const pct = (x: number | null) => (x === null ? none : `${Math.round(x * 10_000) / 100}%`);
  return (
    <div className="kpis" role="group" aria-label={t('reports.tabs.kpis')}>
      {card(t('reports.kpi.received'), k.received.count, k.received.ids)}
      {card(t('reports.kpi.established'), k.established.count, k.established.ids)}
      {card(t('reports.kpi.revoked'), k.revoked.count, k.revoked.ids)}
      {card(t('reports.kpi.handled'), k.handled.count, k.handled.ids)}
      {card(t('reports.kpi.timelinessRate'), pct(k.timelinessRate), k.handled.ids)}
      {card(t('reports.kpi.openBacklog'), backlog.open.count, backlog.open.ids)}
      {card(t('reports.kpi.overdueOpen'), backlog.overdueOpen.count, backlog.overdueOpen.ids)}
      {card(t('reports.kpi.late'), k.late.count, k.late.ids)}
      {card(
        t('reports.kpi.avgHandling'),
        k.avgHandlingHours === null ? none : t('reports.kpi.avgHandlingValue', { hours: k.avgHandlingHours, days: k.avgHandlingWorkingDays }),
        k.handled.ids,
      )}
      {card(t('reports.kpi.satisfaction'), k.satisfactionPct === null ? none : `${k.satisfactionPct}%`, k.surveyed.ids)}
      {card(t('reports.kpi.repeats'), k.repeats.count, k.repeats.ids)}
      {card(t('reports.kpi.registeredLate'), k.registeredLate.count, k.registeredLate.ids)}
    </div>
  );
}

function GroupTable({ title, groups, onDrill }: { title: string; groups: GroupKpis[]; onDrill(d: Drill): void }) {
  const { t } = useTranslation();
  const pct = (x: number | null) => (x === null ? t('reports.kpi.none') : `${Math.round(x * 10_000) / 100}%`);
  const fig = (g: GroupKpis, key: 'received' | 'established' | 'revoked' | 'handled' | 'onTime' | 'repeats', label: string) => (
    <Figure metric={g.kpis[key]} label={`${g.name} ${label}`} onDrill={onDrill} />
  );
  return (
    <table aria-label={title}>
      <caption>{title}</caption>
      <thead>
        <tr>
          <th>{t('reports.groups.name')}</th>
          <th>{t('reports.kpi.received')}</th>
          <th>{t('reports.kpi.established')}</th>
          <th>{t('reports.kpi.revoked')}</th>
          <th>{t('reports.kpi.handled')}</th>
          <th>{t('reports.kpi.onTime')}</th>
          <th>{t('reports.kpi.timelinessRate')}</th>
          <th>{t('reports.kpi.satisfaction')}</th>
          <th>{t('reports.kpi.repeats')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((g) => (
          <tr key={g.id}>
            <td>{g.name}</td>
            <td>{fig(g, 'received', t('reports.kpi.received'))}</td>
            <td>{fig(g, 'established', t('reports.kpi.established'))}</td>
            <td>{fig(g, 'revoked', t('reports.kpi.revoked'))}</td>
            <td>{fig(g, 'handled', t('reports.kpi.handled'))}</td>
            <td>{fig(g, 'onTime', t('reports.kpi.onTime'))}</td>
            <td>{pct(g.kpis.timelinessRate)}</td>
            <td>{g.kpis.satisfactionPct === null ? t('reports.kpi.none') : `${g.kpis.satisfactionPct}%`}</td>
            <td>{fig(g, 'repeats', t('reports.kpi.repeats'))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Reports for quality managers, supervisors and directors: the KPIs of a
 * period with charts and the complaints behind every number, the assessment
 * with its reasons, exports, and a printable record of any complaint.
 */
export function ReportsScreen({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const [today] = useState(() => Date.now());
  const [period, setPeriod] = useState<ReportPeriod | null>(null);
  const [filter, setFilter] = useState<ReportFilter>({});
  const [tab, setTab] = useState<Tab>('kpis');
  const [drill, setDrill] = useDrill();
  const [printId, setPrintId] = useState<string | null>(null);
  const [exportState, setExportState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const recordAccess = useRecordAccess();

  const tz = useReference().policy.timeZone;
  const current = useMemo(() => period ?? monthOf(localDay({ timeZone: tz }, today)), [period, tz, today]);
  const report = useReport(user, current, filter, today);
  const { summary, assessment, directory } = report;

  const branches = useMemo(
    () => directory.branches.filter((b) => seesAllBranches(user.role) || b.id === user.branchId),
    [directory, user.role, user.branchId],
  );
  const teams = directory.teams.filter((x) => branches.some((b) => b.id === x.branchId) && (!filter.branchId || x.branchId === filter.branchId));
  const agents = directory.users.filter((u) => u.teamId && teams.some((x) => x.id === u.teamId) && (!filter.teamId || u.teamId === filter.teamId));

  const printed = printId ? report.byId.get(printId) : undefined;
  if (printed) {
    return (
      <ComplaintRecord
        complaint={printed}
        directory={directory}
        role={user.role}
        timeZone={tz}
        printedAt={new Date(today).toISOString()}
        onBack={() => setPrintId(null)}
      />
    );
  }

  const setDay = (which: 'from' | 'to', day: string) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return;
    const next = { ...current, [which]: day };
    if (next.from <= next.to) setPeriod(next);
  };
  const choose = (key: keyof ReportFilter, value: string) => {
    const next: ReportFilter = { ...filter };
    if (value) next[key] = value;
    else delete next[key];
    if (key === 'branchId') {
      delete next.teamId;
      delete next.agentId;
    }
    if (key === 'teamId') delete next.agentId;
    setFilter(next);
  };
  const source = { summary, assessment, directory, timeZone: tz, t };
  // Exports carry the complainants' phones: each one is recorded in the access log.
  const runCsv = () => {
    exportCsv(source, tab);
    recordAccess({ action: 'export', report: csvReport(tab), complaintIds: exportedComplaintIds(source, csvReport(tab)) });
  };
  const runXlsx = async () => {
    setExportState({ busy: true, error: null });
    try {
      await exportXlsx(source);
      recordAccess({ action: 'export', report: 'report-xlsx', complaintIds: exportedComplaintIds(source, 'report-xlsx') });
      setExportState({ busy: false, error: null });
    } catch (err) {
      setExportState({ busy: false, error: err instanceof Error ? err.message : String(err) });
    }
  };

  const categoryData = categoryBars(summary.byCategory, (c) => (c === 'none' ? t('reports.kpi.none') : t(`categories.${c}`, { defaultValue: c })));
  const teamData = timelinessBars(summary.byTeam, t('reports.noData'));
  const agentData = agentBars(summary.byAgent);

  return (
    <section className="reports" aria-labelledby="reports-title">
      <h1 id="reports-title">{t('reports.title')}</h1>
      <p className="hint">{t('reports.offlineNote')}</p>

      <form className="filters toolbar" aria-label={t('reports.filters')} onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('reports.from')}
          <input type="date" aria-label={t('reports.from')} value={current.from} max={current.to} onChange={(e) => setDay('from', e.target.value)} />
        </label>
        <label>
          {t('reports.to')}
          <input type="date" aria-label={t('reports.to')} value={current.to} min={current.from} onChange={(e) => setDay('to', e.target.value)} />
        </label>
        <FilterSelect label={t('reports.branch')} value={filter.branchId} options={branches} onChange={(v) => choose('branchId', v)} />
        <FilterSelect label={t('reports.team')} value={filter.teamId} options={teams} onChange={(v) => choose('teamId', v)} />
        <FilterSelect label={t('reports.agent')} value={filter.agentId} options={agents.map((u) => ({ id: u.id, name: u.displayName }))} onChange={(v) => choose('agentId', v)} />
        <button type="button" className="btn" aria-label={t('reports.exportCsv')} onClick={runCsv}>
          {t('reports.exportCsv')}
        </button>
        <button type="button" className="btn" aria-label={t('reports.exportXlsx')} disabled={exportState.busy} onClick={() => void runXlsx()}>
          {exportState.busy ? t('reports.exporting') : t('reports.exportXlsx')}
        </button>
      </form>
      {exportState.error && <p role="alert">{t('reports.exportFailed', { message: exportState.error })}</p>}

      <div role="tablist" aria-label={t('reports.title')}>
        {(['kpis', 'assessment'] as const).map((x) => (
          <button key={x} type="button" role="tab" aria-selected={tab === x} aria-label={t(`reports.tabs.${x}`)} onClick={() => setTab(x)}>
            {t(`reports.tabs.${x}`)}
          </button>
        ))}
      </div>

      <div role="tabpanel" aria-label={t(`reports.tabs.${tab}`)}>
        {tab === 'kpis' ? (
          <>
            <KpiCards k={summary.totals} backlog={summary.backlog} onDrill={setDrill} />
            <p className="hint">{t('reports.kpi.backlogAsOf', { when: formatInstant(summary.backlog.asOf, tz) })}</p>
            <div className="charts">
              <BarFigure caption={t('reports.charts.categories')} data={categoryData} valueName={t('reports.charts.count')} fill="#2f5f9e" onDrill={setDrill} />
              <BarFigure caption={t('reports.charts.timelinessByTeam')} data={teamData} valueName={t('reports.charts.rate')} fill="#2e7440" percent onDrill={setDrill} />
              <BarFigure caption={t('reports.charts.byAgent')} data={agentData} valueName={t('reports.charts.count')} fill="#8a5a1c" onDrill={setDrill} />
            </div>
            <GroupTable title={t('reports.groups.byBranch')} groups={summary.byBranch} onDrill={setDrill} />
            <GroupTable title={t('reports.groups.byTeam')} groups={summary.byTeam} onDrill={setDrill} />
            <GroupTable title={t('reports.groups.byAgent')} groups={summary.byAgent} onDrill={setDrill} />
          </>
        ) : (
          <AssessmentView report={assessment} directory={directory} onDrill={setDrill} onPrint={setPrintId} />
        )}
      </div>

      {drill && (
        <DrillRows drill={drill} rows={summary.rows} directory={directory} timeZone={tz} onClose={() => setDrill(null)} onPrint={setPrintId} />
      )}
    </section>
  );
}
