import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter, SessionUser } from '../data/types';
import { useNow } from '../hooks/use-now';
import { usePendingEvents } from '../hooks/use-pending-events';
import { useQueue } from '../hooks/use-queue';
import { useReference } from '../hooks/use-reference';
import { ComplaintGrid } from '../components/ComplaintGrid';
import { useUiStore } from '../state/ui-store';
import { wideScope } from '../app/default-scope';
import { isOpen } from '../app/complaint-actions';

/**
 * The branch (directors: every branch) with what needs a supervisor first:
 * overdue, then escalated; refunds beyond authority to decide; concurrent
 * edits that were superseded.
 */
export function SupervisorScreen({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const reference = useReference();
  const now = useNow(30_000);
  const pending = usePendingEvents();
  const selectedId = useUiStore((s) => s.selectedId);
  const select = useUiStore((s) => s.select);
  const scope = wideScope(user.role);
  const overdue = useMemo<QueueFilter>(() => ({ scope, overdue: true, sort: 'deadline' }), [scope]);
  const recent = useMemo<QueueFilter>(() => ({ scope, sort: 'updated', limit: 500 }), [scope]);
  const { items } = useQueue(recent);
  const pendingIds = useMemo(() => new Set(pending.map((p) => p.event.complaintId)), [pending]);
  const escalated = items.filter((c) => isOpen(c.status) && c.escalationLevel >= 3);
  const refunds = items.filter((c) => c.refunds.some((r) => r.decision === 'pending'));
  const conflicts = items.filter((c) => c.timeline.some((e) => e.state === 'superseded'));
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  const pick = (id: string) => select(id);

  return (
    <section aria-label="Supervisor">
      <h1>{t('supervisor.title')}</h1>
      <h2>{t('queue.overdue')}</h2>
      <div style={{ height: 260, display: 'flex', flexDirection: 'column' }} className="compact-grid">
        <ComplaintGrid filter={overdue} selectedId={selectedId} onOpen={select} now={now} policy={reference.policy} pendingIds={pendingIds} />
      </div>

      <h2>{t('queue.escalatedBadge', { level: t('levels.3') })}</h2>
      {escalated.length === 0 ? <p className="hint">—</p> : (
        <ul className="hint" style={{ paddingLeft: 18 }}>
          {escalated.map((c) => (
            <li key={c.id}>
              <button type="button" className="btn num" onClick={() => pick(c.id)}>{c.number}</button>{' '}
              {t(`levels.${c.escalationLevel}`)} · {t(`statuses.${c.status}`)}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('supervisor.refunds')}</h2>
      {refunds.length === 0 ? <p className="hint">{t('supervisor.noRefunds')}</p> : (
        <ul style={{ paddingLeft: 18 }}>
          {refunds.map((c) => (
            <li key={c.id}>
              <button type="button" className="btn num" onClick={() => pick(c.id)}>{c.number}</button>{' '}
              {c.refunds.filter((r) => r.decision === 'pending').map((r) => `${r.amount} ${reference.policy.refund.currency}`).join(', ')}
            </li>
          ))}
        </ul>
      )}

      <h2>{t('supervisor.conflicts')}</h2>
      {conflicts.length === 0 ? <p className="hint">{t('supervisor.noConflicts')}</p> : (
        <ul style={{ paddingLeft: 18 }}>
          {conflicts.map((c) => (
            <li key={c.id}>
              <button type="button" className="btn num" onClick={() => pick(c.id)}>{c.number}</button>{' '}
              {c.timeline
                .filter((e) => e.state === 'superseded')
                .map((e) => `${label(e.type)}${e.why ? ` (${e.why})` : ''}`)
                .join('; ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
