import { useTranslation } from 'react-i18next';
import type { AssessmentDecisionRow, AssessmentReport, Directory } from '../../shared/reports/types';
import type { Drill } from './Figure';
import { figureWithValue } from './chart-data';
import { EmptyRow } from './EmptyRow';
import { PrintRecordCell } from './PrintRecordCell';

interface Props {
  report: AssessmentReport;
  directory: Directory;
  onDrill(d: Drill): void;
  onPrint(id: string): void;
}

/** The decision on each service-quality complaint in plain words. */
export function useExplain() {
  const { t } = useTranslation();
  return (d: AssessmentDecisionRow): string => {
    const why =
      d.reason === 'callback_norm_not_followed'
        ? (d.callback?.reasons ?? []).map((r) => t(`reports.assessment.callbackReasons.${r}`)).join('、')
        : d.secondResolutionReasons.map((r) => t(`reports.assessment.srReasons.${r}`)).join('、');
    return t(`reports.assessment.reasons.${d.reason}`, {
      ordinal: d.ordinal,
      count: d.teamCount,
      limit: d.limit,
      period: d.exemptionPeriod ?? '',
      why,
    });
  };
}

/** 考核 per team, agent and callback staff, each decision explained. */
export function AssessmentView({ report, directory, onDrill, onPrint }: Props) {
  const { t } = useTranslation();
  const explain = useExplain();
  const user = (id: string | null) => directory.users.find((u) => u.id === id)?.displayName ?? id ?? '';
  const team = (id: string | null) => directory.teams.find((x) => x.id === id)?.name ?? id ?? '';
  const drillButton = (label: string, ids: string[], count: number) => (
    <button type="button" className="link" aria-label={t('reports.showRows', { figure: figureWithValue(label, count) })} onClick={() => onDrill({ figure: label, ids })}>
      {count}
    </button>
  );
  return (
    <div className="assessment">
      <h3>{t('reports.assessment.teams')}</h3>
      <table aria-label={t('reports.assessment.teams')}>
        <thead>
          <tr>
            <th>{t('reports.team')}</th>
            <th>{t('reports.assessment.complaints')}</th>
            <th>{t('reports.assessment.exempt')}</th>
            <th>{t('reports.assessment.assessed')}</th>
            <th>{t('reports.assessment.pending')}</th>
            <th>{t('reports.assessment.exemptionUse')}</th>
          </tr>
        </thead>
        <tbody>
          {report.teams.length === 0 && <EmptyRow columns={6} />}
          {report.teams.map((x) => (
            <tr key={x.teamId}>
              <td>{x.name}</td>
              <td>{drillButton(`${x.name} ${t('reports.assessment.complaints')}`, x.ids, x.complaints)}</td>
              <td>{x.exempt}</td>
              <td>{x.assessed}</td>
              <td>{x.pending}</td>
              <td>
                {x.exemptionUse.map((u) => (
                  <div key={u.period}>{t('reports.assessment.exemptionUseValue', u)}</div>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('reports.assessment.agents')}</h3>
      <table aria-label={t('reports.assessment.agents')}>
        <thead>
          <tr>
            <th>{t('reports.agent')}</th>
            <th>{t('reports.team')}</th>
            <th>{t('reports.assessment.complaints')}</th>
            <th>{t('reports.assessment.exempt')}</th>
            <th>{t('reports.assessment.assessed')}</th>
            <th>{t('reports.assessment.assessedEstablished')}</th>
            <th>{t('reports.assessment.pending')}</th>
          </tr>
        </thead>
        <tbody>
          {report.agents.length === 0 && <EmptyRow columns={7} />}
          {report.agents.map((x) => (
            <tr key={x.agentId}>
              <td>{x.name}</td>
              <td>{team(x.teamId)}</td>
              <td>{drillButton(`${x.name} ${t('reports.assessment.complaints')}`, x.ids, x.complaints)}</td>
              <td>{x.exempt}</td>
              <td>{x.assessed}</td>
              <td>{x.assessedEstablished}</td>
              <td>{x.pending}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('reports.assessment.callbackStaff')}</h3>
      <table aria-label={t('reports.assessment.callbackStaff')}>
        <thead>
          <tr>
            <th>{t('reports.col.caller')}</th>
            <th>{t('reports.assessment.callbacks')}</th>
            <th>{t('reports.assessment.followed')}</th>
            <th>{t('reports.assessment.notFollowed')}</th>
            <th>{t('reports.assessment.spacingViolations')}</th>
            <th>{t('reports.assessment.why')}</th>
          </tr>
        </thead>
        <tbody>
          {report.callbackStaff.length === 0 && <EmptyRow columns={6} />}
          {report.callbackStaff.map((x) => (
            <tr key={x.userId}>
              <td>{x.name}</td>
              <td>{drillButton(`${x.name} ${t('reports.assessment.callbacks')}`, x.ids, x.callbacks)}</td>
              <td>{x.followed}</td>
              <td>{x.notFollowed}</td>
              <td>{drillButton(`${x.name} ${t('reports.assessment.spacingViolations')}`, x.spacingViolationIds, x.spacingViolationIds.length)}</td>
              <td>
                {(Object.entries(x.reasons) as [string, number][])
                  .filter(([, n]) => n > 0)
                  .map(([r, n]) => `${t(`reports.assessment.callbackReasons.${r}`)} × ${n}`)
                  .join('; ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('reports.assessment.filedWithoutSoothing')}</h3>
      <table aria-label={t('reports.assessment.filedWithoutSoothing')}>
        <thead>
          <tr>
            <th>{t('reports.assessment.filer')}</th>
            <th>{t('reports.assessment.complaints')}</th>
          </tr>
        </thead>
        <tbody>
          {report.filedWithoutSoothing.length === 0 && <EmptyRow columns={2} />}
          {report.filedWithoutSoothing.map((x) => (
            <tr key={x.userId}>
              <td>{x.name}</td>
              <td>{drillButton(`${x.name} ${t('reports.assessment.filedWithoutSoothing')}`, x.ids, x.count)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <h3>{t('reports.assessment.decisions')}</h3>
      <table aria-label={t('reports.assessment.decisions')}>
        <thead>
          <tr>
            <th>{t('reports.col.number')}</th>
            <th>{t('reports.team')}</th>
            <th>{t('reports.agent')}</th>
            <th>{t('reports.col.outcome')}</th>
            <th>{t('reports.assessment.why')}</th>
            <th>{t('reports.col.caller')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {report.decisions.length === 0 && <EmptyRow columns={7} />}
          {report.decisions.map((d) => (
            <tr key={d.complaintId}>
              <td>{d.number}</td>
              <td>{team(d.teamId)}</td>
              <td>{user(d.agentId)}</td>
              <td>{t(`reports.assessment.outcomes.${d.outcome}`)}</td>
              <td>{explain(d)}</td>
              <td>{d.callback ? user(d.callback.callerId) : ''}</td>
              <PrintRecordCell number={d.number} onPrint={() => onPrint(d.complaintId)} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
