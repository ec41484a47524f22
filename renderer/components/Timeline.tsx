import { useTranslation } from 'react-i18next';
import type { TimelineRow } from '../data/types';
import { A11Y } from '../i18n/accessible-names';
import { formatDateTime } from '../i18n/format-date';

interface Props {
  rows: TimelineRow[];
  timeZone: string;
  /** Display name for an actor id. */
  who(actorId: string): string;
}

/**
 * Every event in order. Superseded and invalid ones stay, struck through,
 * with who wrote them and why they lost; local ones not yet synced are marked.
 */
export function Timeline({ rows, timeZone, who }: Props) {
  const { t, i18n } = useTranslation();
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  return (
    <section role="region" aria-label={A11Y.timeline}>
      <h3>{t('detail.timeline')}</h3>
      {rows.length === 0 ? (
        <p className="hint">{t('detail.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {rows.map((r) => {
            const struck = r.state !== 'applied';
            return (
              <li key={r.eventId} className={struck ? 'struck' : undefined} data-state={r.state} data-sync={r.sync}>
                <div className="what">
                  {struck ? <s>{label(r.type)}</s> : label(r.type)}{' '}
                  {r.state !== 'applied' && <span className="badge">{t(`detail.${r.state}`)}</span>}{' '}
                  {r.sync === 'pending' && <span className="badge pending">⟳ {t('detail.pending')}</span>}
                  {r.sync === 'rejected' && (
                    <span className="badge" style={{ background: '#fde4e4', color: '#a61b1b' }}>
                      {t('detail.rejected', { reason: r.reason?.message ?? r.reason?.code ?? '' })}
                    </span>
                  )}
                </div>
                <div className="meta">
                  <span>{t('detail.by', { who: who(r.actorId) })}</span>
                  <span>{t('detail.device', { when: formatDateTime(r.occurredAt, timeZone) })}</span>
                  <span className="hlc" title={r.hlc}>{t('detail.hlc', { hlc: r.hlc.slice(0, 23) })}</span>
                </div>
                {r.why && <div className="why">{t('detail.why', { why: r.why })}</div>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
