import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueFilter } from '../data/types/queue';
import type { SessionUser } from '../data/types/session';
import { useGridContext } from '../hooks/use-grid-context';
import { useReference } from '../hooks/use-reference';
import { useSupervisorAttention } from '../hooks/use-supervisor-attention';
import { ComplaintGrid } from '../components/ComplaintGrid';
import { HubLinks } from '../components/HubLinks';
import { wideScope } from '../app/default-scope';
import { attentionLists, type AttentionEntry } from '../app/supervisor-attention';
import { useAccessibleName } from '../i18n/use-accessible-name';

/**
 * The branch (directors: every branch) with what needs a supervisor first:
 * overdue, then escalated; refunds beyond authority to decide; concurrent
 * edits that were superseded. The three lists cover every local complaint,
 * not just the recent ones.
 */
export function SupervisorScreen({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const reference = useReference();
  const grid = useGridContext();
  const { selectedId, onOpen: select } = grid;
  const scope = wideScope(user.role);
  const overdue = useMemo<QueueFilter>(() => ({ scope, overdue: true, sort: 'deadline' }), [scope]);
  const attention = useSupervisorAttention();
  const lists = useMemo(
    () => attentionLists(attention.entries.values(), scope === 'all' ? null : user.branchId),
    [attention.entries, scope, user.branchId],
  );
  const label = (type: string) => (i18n.exists(`events.${type}`) ? t(`events.${type}`) : type);
  const who = (id: string) => reference.users.find((u) => u.id === id)?.displayName ?? id;
  const currency = reference.policy.refund.currency;

  const list = (title: string, entries: AttentionEntry[], empty: string, detail: (e: AttentionEntry) => string) => (
    <section aria-label={title} className="attention-list">
      <h2>
        {title} {!attention.loading && <span className="hint">{t('queue.count', { count: entries.length })}</span>}
      </h2>
      {attention.loading ? (
        <p className="hint" aria-busy="true">{t('supervisor.scanning')}</p>
      ) : entries.length === 0 ? (
        <p className="hint">{empty}</p>
      ) : (
        <table className="list">
          <tbody>
            {entries.map((e) => (
              <tr key={e.id} aria-selected={selectedId === e.id || undefined}>
                <td style={{ width: 1 }}>
                  <button type="button" className="btn num" aria-current={selectedId === e.id || undefined} onClick={() => select(e.id)}>
                    {e.number}
                  </button>
                </td>
                <td style={{ width: 1, whiteSpace: 'nowrap' }}>
                  <span className="badge">{t(`statuses.${e.status}`)}</span>
                </td>
                <td>{detail(e)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );

  return (
    <section aria-label={an.either('Supervisor', t('supervisor.title'))}>
      <h1>{t('supervisor.title')}</h1>
      <HubLinks timeZone={reference.policy.timeZone} />
      <h2>{t('queue.overdue')}</h2>
      <div className="compact-grid">
        <ComplaintGrid filter={overdue} {...grid} />
      </div>
      {list(t('queue.escalatedBadge', { level: t('levels.3') }), lists.escalated, t('supervisor.noEscalated'), (e) =>
        t(`levels.${e.escalationLevel}`),
      )}
      {list(t('supervisor.refunds'), lists.refunds, t('supervisor.noRefunds'), (e) =>
        e.pendingRefunds.map((r) => `${r.amount} ${currency}`).join(', '),
      )}
      {list(t('supervisor.conflicts'), lists.conflicts, t('supervisor.noConflicts'), (e) =>
        e.superseded
          .map((s) => `${t('supervisor.supersededBy', { what: label(s.type), who: who(s.actorId) })}${s.why ? ` (${s.why})` : ''}`)
          .join('; '),
      )}
    </section>
  );
}
