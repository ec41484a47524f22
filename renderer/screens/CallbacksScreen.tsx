import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../data/types/queue';
import { useNow } from '../hooks/use-now';
import { useQueue } from '../hooks/use-queue';
import { useReference } from '../hooks/use-reference';
import { formatDateTime } from '../i18n/format-date';
import { DeadlineBadge } from '../components/DeadlineBadge';
import { useUiStore } from '../state/ui-store';
import { callbackStage, handedBack, orderCallbacks } from './callbacks/callback-order';
import { useAccessibleName } from '../i18n/use-accessible-name';
import { CallbackScripts } from './callbacks/CallbackScripts';

/**
 * 二解 workspace: work orders awaiting the lead's callback, due by day end of
 * the day after notification (calendar or working days, as the policy
 * says), and those exempt with the reason.
 */
export function CallbacksScreen() {
  const { t } = useTranslation();
  const an = useAccessibleName();
  const reference = useReference();
  const now = useNow(30_000);
  const select = useUiStore((s) => s.select);
  const selectedId = useUiStore((s) => s.selectedId);
  const p = reference.policy;
  const pendingFilter = useMemo<QueueFilter>(() => ({ scope: 'team', status: 'callback_pending', sort: 'deadline', limit: 200 }), []);
  const notifiedFilter = useMemo<QueueFilter>(() => ({ scope: 'team', status: ['filed', 'in_progress'], sort: 'deadline', limit: 200 }), []);
  const pending = useQueue(pendingFilter);
  const handled = useQueue(notifiedFilter);
  const exempt = handled.items.filter((c) => c.flags.secondResolution === false);
  const ordered = orderCallbacks(pending.items, now);
  const back = handled.items.filter((c) => handedBack(c) !== null);
  const max = p.secondResolution.maxCallbackAttempts;
  // The lead's scripts follow the complaint chosen in the list.
  const chosen = ordered.find((c) => c.id === selectedId) ?? null;

  return (
    <section aria-label={an.either('Callbacks', t('callbacks.title'))}>
      <h1>{t('callbacks.title')}</h1>
      <p className="hint">
        {t(`domainRules.callbackDue.${p.secondResolution.callbackDayCounting}`, { dayEnd: p.dayEnd, count: p.secondResolution.callbackDueDays })}
      </p>
      <p className="hint">
        {t('domainRules.callbackConduct', { asks: p.secondResolution.maxAcceptanceAsksPerCall, count: p.secondResolution.maxApologyCalls })}
      </p>
      {chosen && <CallbackScripts complaint={chosen} scripts={reference.scripts} />}
      {pending.items.length === 0 && !pending.loading && <p className="empty">{t('callbacks.empty')}</p>}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label={t('callbacks.title')}>
        {ordered.map((c) => {
          const attempts = c.callbacks.attempts.length;
          const next = c.deadlines.nextCallbackEarliest;
          const stage = callbackStage(c, now);
          return (
            <li key={c.id}>
              <button
                type="button"
                className="card"
                style={{ width: '100%', textAlign: 'left', cursor: 'pointer', outline: selectedId === c.id ? '2px solid #1f5fa8' : undefined }}
                aria-current={selectedId === c.id ? 'true' : undefined}
                onClick={() => select(c.id)}
              >
                <div className="card-head">
                  <strong className="num">{c.number}</strong>
                  <span>{c.complainant?.name}</span>
                  <span>{c.category ? t(`categories.${c.category}`) : ''}</span>
                  {stage === 'noted' && <span className="badge">{t('callbackList.noted')}</span>}
                  {stage === 'overdue' && <span className="badge overdue">{t('callbackList.overdue')}</span>}
                  {stage !== 'noted' && c.deadlines.callback && (
                    <>
                      <span>{t('callbacks.dueBy', { when: formatDateTime(c.deadlines.callback, p.timeZone) })}</span>
                      <DeadlineBadge due={c.deadlines.callback} clock="callback" now={now} policy={p} calendar={reference.calendar} />
                    </>
                  )}
                </div>
                <div className="hint" hidden={stage === 'noted'}>
                  {t('callbacks.attempts', { count: attempts, max: p.secondResolution.maxCallbackAttempts })}
                  {next === null && ` · ${t('callbacks.noMoreAttempts', { max: p.secondResolution.maxCallbackAttempts })}`}
                  {typeof next === 'string' &&
                    ` · ${t('callbacks.nextAllowed', { when: formatDateTime(next, p.timeZone), hours: p.secondResolution.callbackMinSpacingHours })}`}
                </div>
              </button>
            </li>
          );
        })}
      </ul>

      {back.length > 0 && (
        <>
          <h2>{t('callbackList.backTitle')}</h2>
          {back.map((c) => (
            <div key={c.id} className="card" data-testid="handed-back">
              <div className="card-head">
                <button type="button" className="btn num" onClick={() => select(c.id)}>
                  {c.number}
                </button>
                <span>{c.complainant?.name}</span>
                {handedBack(c)?.noted && <span className="badge">{t('callbackList.backNoted')}</span>}
              </div>
              {!handedBack(c)?.noted && <div className="notice warn">{t('callbackList.backAsk', { max })}</div>}
            </div>
          ))}
        </>
      )}

      {exempt.length > 0 && (
        <>
          <h2>{t('callbacks.exempt')}</h2>
          {exempt.map((c) => (
            <div key={c.id} className="card">
              <div className="card-head">
                <button type="button" className="btn num" onClick={() => select(c.id)}>
                  {c.number}
                </button>
                <span>{c.complainant?.name}</span>
              </div>
              <ul className="hint" style={{ margin: '4px 0 0', paddingLeft: 18 }}>
                {c.flags.secondResolutionReasons.map((r) => (
                  <li key={r}>{t(`callbacks.exemptions.${r}`)}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      )}
    </section>
  );
}
