import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Policy } from '../../shared/policy/policy';
import { describeEvent } from './timeline-detail';
import type { TimelineRow } from '../data/types/sync';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { formatDateTime } from '../i18n/format-date';

interface Props {
  rows: TimelineRow[];
  timeZone: string;
  /** Display name for an actor id. */
  who(actorId: string): string;
  /** For the words of each entry (the ladder's roles); without it entries name the event only. */
  policy?: Policy;
  branchName?(branchId: string): string;
}

/**
 * Every event in order. Superseded and invalid ones stay, struck through,
 * with who wrote them and why they lost; local ones not yet synced are marked.
 */
export function Timeline({ rows, timeZone, who, policy, branchName = (id) => id }: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  // The HLC is for whoever untangles an ordering question, not for everyday reading.
  const [showHlc, setShowHlc] = useState(false);
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  return (
    <section role="region" aria-label={an.of('timeline')}>
      <div className="card-head" style={{ justifyContent: 'space-between' }}>
        <h3>{t('detail.timeline')}</h3>
        <button type="button" className="btn" aria-pressed={showHlc} onClick={() => setShowHlc((s) => !s)}>
          {t(showHlc ? 'timelineText.hideHlc' : 'timelineText.showHlc')}
        </button>
      </div>
      {rows.length === 0 ? (
        <p className="hint">{t('detail.timelineEmpty')}</p>
      ) : (
        <ol className="timeline">
          {rows.map((r) => {
            const struck = r.state !== 'applied';
            const detail = policy ? describeEvent(r.type, r.payload, { t, policy, who, branchName }) : null;
            return (
              <li key={r.eventId} className={struck ? 'struck' : undefined} data-state={r.state} data-sync={r.sync}>
                <div className="what">
                  {struck ? <s>{label(r.type)}</s> : label(r.type)}{' '}
                  {detail && <span className="detail-text">{struck ? <s>{detail}</s> : detail}</span>}{' '}
                  {r.state !== 'applied' && <span className="badge">{t(`detail.${r.state}`)}</span>}{' '}
                  {r.sync === 'pending' && <span className="badge pending">⟳ {t('detail.pending')}</span>}
                  {r.sync === 'at_hub' && <span className="badge pending">{t('detail.atHub')}</span>}
                  {r.sync === 'central' && <span className="badge">✓ {t('detail.confirmedByCentral')}</span>}
                  {r.sync === 'rejected' && (
                    <span className="badge" style={{ background: '#fde4e4', color: '#a61b1b' }}>
                      {t('detail.rejected', { reason: r.reason?.message ?? r.reason?.code ?? '' })}
                    </span>
                  )}
                </div>
                <div className="meta">
                  <span>{t('detail.by', { who: who(r.actorId) })}</span>
                  <span>{formatDateTime(r.occurredAt, timeZone)}</span>
                  {showHlc && <span className="hlc">{t('detail.hlc', { hlc: r.hlc })}</span>}
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
