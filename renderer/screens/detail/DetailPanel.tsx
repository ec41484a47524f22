import { useState } from 'react';
import { RegistrationTiming } from './RegistrationTiming';
import { ResultFeedback } from './ResultFeedback';
import { useTranslation } from 'react-i18next';
import { DEADLINE_CLOCKS } from '../../../shared/deadlines/clocks';
import type { SessionUser } from '../../data/types/session';
import { useComplaint } from '../../hooks/use-complaint';
import { useRecordPersonalView } from '../../hooks/use-access-recording';
import { useNow } from '../../hooks/use-now';
import { useReference } from '../../hooks/use-reference';
import { useTimeline } from '../../hooks/use-timeline';
import { useAccessibleName } from '../../i18n/use-accessible-name';
import { formatDateTime } from '../../i18n/format-date';
import { availableActions, transferredAway, type ActionId } from '../../../shared/rules/available-actions';
import { runningClockNames } from '../../../shared/deadlines/running-clocks';
import { matches } from '../../app/hotkeys';
import { useHotkey } from '../../app/use-hotkey';
import { ActionForm } from '../../components/ActionForm';
import { DeadlineBadge } from '../../components/DeadlineBadge';
import { EscalateDialog } from '../../components/EscalateDialog';
import { Timeline } from '../../components/Timeline';
import { useUiStore } from '../../state/ui-store';
import { actionSpec } from './action-specs';
import { DetailSoothing } from './DetailSoothing';
import { SoothingSummary } from './SoothingSummary';
import { handedBack } from '../callbacks/callback-order';
import { ActionOutcome, type Outcome } from '../../components/ActionOutcome';

interface Props {
  id: string;
  user: SessionUser;
  /** Actions to show first and open (the workspace's own). */
  focus?: ActionId[];
}

/** A complaint in full: fields, running clocks, the timeline, and what this role may do now. */
export function DetailPanel({ id, user, focus = [] }: Props) {
  const { t, i18n } = useTranslation();
  const an = useAccessibleName();
  const { complaint, loading } = useComplaint(id);
  // The panel shows the complainant's personal fields: opening it is an audited view (docs/desktop.md).
  useRecordPersonalView(complaint);
  const timeline = useTimeline(id);
  const reference = useReference();
  const now = useNow(30_000);
  const escalateOpen = useUiStore((s) => s.escalateOpen);
  const setEscalateOpen = useUiStore((s) => s.setEscalateOpen);
  const select = useUiStore((s) => s.select);
  // Said here, not in the form: the form that succeeded may be gone with the state that offered it.
  // It stays, following the server's answer, until dismissed or replaced by the next action.
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const said = (what: string, eventId: string | null) =>
    setOutcome((o) => (eventId ? { what, eventId, n: (o?.n ?? 0) + 1 } : o));
  const actions = complaint
    ? availableActions(user, complaint, { policy: reference.policy, calendar: reference.calendar }, now)
    : new Set<ActionId>();

  useHotkey((e) => {
    if (matches(e, 'Alt+E') && actions.has('escalate')) {
      e.preventDefault();
      setEscalateOpen(true);
    }
  });

  if (!complaint) {
    return <p className="empty">{loading ? t('detail.loading') : t('detail.notFound')}</p>;
  }
  const tz = reference.policy.timeZone;
  const who = (actorId: string) => {
    const u = reference.users.find((x) => x.id === actorId);
    return u ? (u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName) : actorId;
  };
  const branchName = (bid: string) => {
    const b = reference.branches.find((x) => x.id === bid);
    return b ? (i18n.language === 'en' && b.nameEn ? b.nameEn : b.name) : bid;
  };
  const running = new Set(runningClockNames(complaint));
  const ctx = { complaint, user, reference, t, language: i18n.language, now };
  const ordered = [...focus.filter((a) => actions.has(a)), ...[...actions].filter((a) => !focus.includes(a))];
  const specs = ordered.map((a) => ({ id: a, spec: actionSpec(a, ctx) })).filter((x) => x.spec !== null);
  const focused = specs.filter((s) => focus.includes(s.id));
  const others = specs.filter((s) => !focus.includes(s.id));
  // Soothing is an intake step (the fold refuses it once the complaint leaves "registered").
  // Any agent who has the customer on the line may record it until then, first asker or
  // not; the other roles read what was recorded.
  const canSoothe = complaint.status === 'registered' && user.role === 'agent' && actions.has('fileWorkOrder');
  const away = transferredAway(user, complaint);
  const back = handedBack(complaint);

  const c = complaint;
  const row = (label: string, value: React.ReactNode) =>
    value === null || value === undefined || value === '' ? null : (
      <>
        <dt>{label}</dt>
        <dd>{value}</dd>
      </>
    );

  return (
    <article className="detail" aria-label={`${t('detail.fields')} ${c.number}`}>
      <div className="card-head" style={{ justifyContent: 'space-between' }}>
        <h2 className="number">{c.number}</h2>
        <button type="button" className="btn" aria-label={t('detail.close')} onClick={() => select(null)}>
          ✕
        </button>
      </div>
      <div className="card-head">
        <span className="badge">{t(`statuses.${c.status}`)}</span>
        {c.grade && <span className="badge">{`${c.grade} · ${t(`grades.${c.grade}`)}`}</span>}
        {c.escalationLevel > 0 && (
          <span className="badge escalated">{t('queue.escalatedBadge', { level: t(`levels.${c.escalationLevel}`) })}</span>
        )}
        {c.flags.filedWithoutSoothing && <span className="badge pending">{t('soothing.confirmTitle')}</span>}
      </div>

      {actions.has('escalate') && (
        <div className="actions-row">
          <button type="button" className="btn" aria-label={an.of('escalate')} aria-keyshortcuts="Alt+E" data-shortcut="Alt+E" onClick={() => setEscalateOpen(true)}>
            {t('detail.escalate')}
          </button>
        </div>
      )}
      {away && (
        <div className="notice warn" role="note">
          {t('readOnly.transferred', { branch: branchName(away.toBranchId) })}
        </div>
      )}
      {back && !back.noted && actions.has('note') && (
        <div className="notice warn" role="alert">
          {t('callbackList.backAsk', { max: reference.policy.secondResolution.maxCallbackAttempts })}
        </div>
      )}
      <ActionOutcome key={outcome?.n ?? 0} outcome={outcome} onDismiss={() => setOutcome(null)} />
      {canSoothe && <DetailSoothing complaint={c} user={user} reference={reference} onDone={said} />}
      {focused.map(({ id: actionId, spec }) => (
        <ActionForm key={`${c.id}:${actionId}`} spec={spec!} open onDone={said} />
      ))}

      <h3>{t('detail.deadlines')}</h3>
      <ul style={{ listStyle: 'none', padding: 0, margin: 0, fontSize: 12 }}>
        {DEADLINE_CLOCKS.filter((k) => c.deadlines[k]).map((k) => (
          <li key={k} style={{ display: 'flex', gap: 6, alignItems: 'center', marginBottom: 2 }}>
            <span style={{ minWidth: 92, color: '#5f6b7a' }}>{t(`clocks.${k}`)}</span>
            <span>{formatDateTime(c.deadlines[k], tz)}</span>
            {running.has(k) && <DeadlineBadge due={c.deadlines[k]} clock={k} now={now} policy={reference.policy} calendar={reference.calendar} />}
          </li>
        ))}
      </ul>
      <ResultFeedback complaint={c} timeZone={tz} />

      <h3>{t('detail.fields')}</h3>
      <dl className="kv">
        {row(t('detail.customerName'), c.complainant?.name)}
        {row(t('detail.phone'), c.complainant?.phone)}
        {row(t('detail.customerType'), c.complainant ? t(`customerTypes.${c.complainant.customerType}`) : null)}
        {row(t('detail.address'), c.complainant?.address)}
        {row(t('detail.channel'), c.channel ? t(`channels.${c.channel}`) : null)}
        {row(t('detail.category'), c.category ? `${t(`categories.${c.category}`)}${c.subCategory ? ` · ${c.subCategory}` : ''}` : null)}
        {row(t('detail.description'), c.description)}
        {row(t('detail.demands'), c.demands)}
        {row(
          t('detail.respondent'),
          [c.respondent?.department, ...(c.respondent?.agentJobNumbers ?? [])].filter(Boolean).join(' · '),
        )}
        {row(
          t('detail.incident'),
          [c.incident?.occurredAt ? formatDateTime(c.incident.occurredAt, tz) : '', c.incident?.place ?? ''].filter(Boolean).join(' · '),
        )}
        {row(t('detail.callSerial'), c.callSerial)}
        {row(t('detail.complainedSerial'), c.complainedSerial ?? null)}
        {row(t('detail.branch'), branchName(c.branchId))}
        {row(t('detail.assignee'), c.assigneeId ? who(c.assigneeId) : t('detail.unassigned'))}
        {row(t('detail.level'), t(`levels.${c.escalationLevel}`))}
        {row(t('intake.receivedAt'), formatDateTime(c.receivedAt, tz))}
        {row(t('detail.createdAt'), <RegistrationTiming complaint={c} />)}
        {row(t('detail.updatedAt'), formatDateTime(c.updatedAt, tz))}
        {row(t('intake.notAcceptedReason'), c.notAcceptedReason)}
        {/* The same conditions the intake form warned of, as the fold (and the server) flag them. */}
        {row(t('intake.acceptance'), (c.flags.acceptanceFailed ?? []).map((k) => t(`intake.conditions.${k}`)).join(' '))}
        {row(
          t('detail.callbacks'),
          c.callbacks.attempts.length
            ? t('callbacks.attempts', { count: c.callbacks.attempts.length, max: reference.policy.secondResolution.maxCallbackAttempts })
            : null,
        )}
        {row(t('callbacks.midCourse'), c.callbacks.midCourseNote?.text)}
        {row(t('review.finding'), c.finding ? t(`review.findings.${c.finding}`) : null)}
        {row(t('review.resolution'), c.resolution?.text)}
        {row(
          t('review.refund'),
          c.refunds.map((r) => `${r.amount} ${reference.policy.refund.currency} (${r.decision})`).join(' · '),
        )}
        {row(t('review.survey'), c.survey ? `${c.survey.score}/${c.survey.scale}` : null)}
      </dl>
      {!canSoothe && <SoothingSummary complaint={c} timeZone={tz} who={who} />}
      {c.notes.length > 0 && (
        <>
          <h3>{t('detail.note')}</h3>
          <ul style={{ paddingLeft: 16, margin: 0, fontSize: 13 }}>
            {c.notes.map((n) => (
              <li key={n.eventId}>
                <span style={{ whiteSpace: 'pre-wrap' }}>{n.text}</span>{' '}
                <span className="hint">— {who(n.actorId)} {formatDateTime(n.at, tz)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h3>{t('detail.actions')}</h3>
      {specs.length === 0 && !actions.has('escalate') && <p className="hint">{t('detail.noActions')}</p>}
      {others.map(({ id: actionId, spec }) => (
        <ActionForm key={`${c.id}:${actionId}`} spec={spec!} onDone={said} />
      ))}

      <Timeline rows={timeline} timeZone={tz} who={who} policy={reference.policy} branchName={branchName} />

      {escalateOpen && actions.has('escalate') && (
        <EscalateDialog
          complaintId={c.id}
          number={c.number}
          level={c.escalationLevel}
          onClose={() => setEscalateOpen(false)}
          onDone={(eventId) => said(t('detail.escalate'), eventId)}
        />
      )}
    </article>
  );
}
