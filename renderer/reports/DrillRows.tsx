import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportRow } from '../../shared/reports/types';
import { formatInstant } from '../../shared/reports/format';
import type { Directory } from '../../shared/reports/types';
import type { Drill } from './Figure';
import { PrintRecordCell } from './PrintRecordCell';

interface Props {
  drill: Drill;
  rows: ReportRow[];
  directory: Directory;
  timeZone: string;
  onClose(): void;
  onPrint(id: string): void;
}

/** The complaints behind one figure, each printable. */
export function DrillRows({ drill, rows, directory, timeZone, onClose, onPrint }: Props) {
  const { t } = useTranslation();
  const wanted = new Set(drill.ids);
  const shown = rows.filter((r) => wanted.has(r.id));
  const user = (id: string | null) => directory.users.find((u) => u.id === id)?.displayName ?? id ?? '';
  const yesNo = (b: boolean | null) => (b === null ? '' : b ? t('reports.yes') : t('reports.no'));
  const region = useRef<HTMLElement>(null);
  // The list opens below the tables; bring it into view where the click was answered.
  useEffect(() => {
    region.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [drill]);
  return (
    <section ref={region} role="region" aria-label={t('reports.behindRegion')} className="drill">
      <h3>{t('reports.behind', { figure: drill.figure })}</h3>
      <button type="button" onClick={onClose}>
        {t('reports.close')}
      </button>
      {shown.length === 0 ? (
        <p>{t('reports.noRows')}</p>
      ) : (
        <table aria-label={t('reports.behind', { figure: drill.figure })}>
          <thead>
            <tr>
              <th>{t('reports.col.number')}</th>
              <th>{t('reports.col.status')}</th>
              <th>{t('reports.col.category')}</th>
              <th>{t('reports.col.agent')}</th>
              <th>{t('reports.col.phone')}</th>
              <th>{t('reports.col.receivedAt')}</th>
              <th>{t('reports.col.resolvedAt')}</th>
              <th>{t('reports.col.handlingDeadline')}</th>
              <th>{t('reports.col.onTime')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id}>
                <td>{r.number}</td>
                <td>{t(`statuses.${r.status}`, { defaultValue: r.status })}</td>
                <td>{r.category ? t(`categories.${r.category}`, { defaultValue: r.category }) : ''}</td>
                <td>{user(r.agentId)}</td>
                <td>{r.phone}</td>
                <td>{formatInstant(r.receivedAt, timeZone)}</td>
                <td>{formatInstant(r.resolvedAt, timeZone)}</td>
                <td>{formatInstant(r.handlingDeadline, timeZone)}</td>
                <td>{yesNo(r.onTime)}</td>
                <PrintRecordCell number={r.number} onPrint={() => onPrint(r.id)} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
