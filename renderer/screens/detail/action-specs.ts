import type { TFunction } from 'i18next';
import {
  GRADES,
  FINDINGS,
  INVESTIGATION_METHODS,
  NOTIFY_CHANNELS,
  RESOLUTION_KINDS,
  type Finding,
  type Grade,
} from '../../../shared/events/catalogue';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { renderMidCourseNote } from '../../../shared/rules/mid-course-note';
import { refundAuthority } from '../../../shared/rules/refund-authority';
import { commands } from '../../data/commands';
import type { Reference, SessionUser } from '../../data/types';
import { formatDateTime } from '../../i18n/format-date';
import { localInputToIso } from '../intake/intake-validation';
import { actionEvent, type ActionId } from '../../../shared/rules/available-actions';
import type { ActionSpec, FormValues } from '../../components/ActionForm';

export interface SpecContext {
  complaint: ComplaintProjection;
  user: SessionUser;
  reference: Reference;
  t: TFunction;
  language: string;
  now: string;
}

const str = (v: FormValues[string] | undefined) => String(v ?? '').trim();
const opt = <K extends string>(key: K, v: string) => (v ? { [key]: v } : {}) as Partial<Record<K, string>>;

/** The form of each action (escalation has its own dialog), built for one complaint. */
export function actionSpec(id: ActionId, ctx: SpecContext): ActionSpec | null {
  const spec = buildSpec(id, ctx);
  return spec ? { ...spec, eventType: actionEvent(id) } : null;
}

function buildSpec(id: ActionId, ctx: SpecContext): ActionSpec | null {
  const { complaint: c, reference: ref, t } = ctx;
  const tz = ref.policy.timeZone;
  const sr = ref.policy.secondResolution;
  const branchUsers = ref.users.filter((u) => u.branchId === c.branchId && u.active !== false);
  const userLabel = (u: { displayName: string; jobNumber?: string }) => (u.jobNumber ? `${u.displayName} (${u.jobNumber})` : u.displayName);

  switch (id) {
    case 'note':
      return {
        id, title: t('detail.addNote'), submitLabel: t('detail.addNote'),
        fields: [{ name: 'text', label: t('detail.note'), kind: 'textarea', required: true }],
        submit: (v) => commands.addNote(c.id, str(v.text)),
      };
    case 'transfer': {
      const others = ref.branches.filter((b) => b.id !== c.branchId);
      return {
        id, title: t('detail.transfer'), submitLabel: t('detail.transfer'),
        blocked: others.length === 0 ? t('queue.empty') : null,
        fields: [
          {
            name: 'to', label: t('detail.transferTo'), kind: 'select', required: true, initial: '',
            options: others.map((b) => ({ value: b.id, label: ctx.language === 'en' && b.nameEn ? b.nameEn : b.name })),
          },
          { name: 'note', label: t('detail.reason'), kind: 'text' },
        ],
        submit: (v) => commands.transfer(c.id, str(v.to), str(v.note) || undefined),
      };
    }
    case 'assign':
      return {
        id, title: t('detail.assign'), submitLabel: t('detail.assign'),
        fields: [
          {
            name: 'to', label: t('detail.assignTo'), kind: 'select', required: true, initial: '',
            options: branchUsers.filter((u) => u.role !== 'admin').map((u) => ({ value: u.id, label: `${userLabel(u)} · ${t(`roles.${u.role}`)}` })),
          },
        ],
        submit: (v) => commands.assign(c.id, str(v.to)),
      };
    case 'grade':
      return {
        id, title: t('detail.regrade'), submitLabel: t('detail.regrade'),
        fields: [
          {
            name: 'grade', label: t('detail.grade'), kind: 'select', initial: String(c.grade ?? 1),
            options: GRADES.map((g) => ({ value: String(g), label: `${g} · ${t(`grades.${g}`)}` })),
          },
          { name: 'reason', label: t('detail.reason'), kind: 'text' },
        ],
        submit: (v) => commands.grade(c.id, Number(v.grade) as Grade, str(v.reason) || undefined),
      };
    case 'urge':
      return {
        id, title: t('detail.urge'), submitLabel: t('detail.urge'),
        fields: [
          { name: 'serial', label: t('intake.callSerial'), kind: 'text' },
          { name: 'note', label: t('detail.note'), kind: 'text' },
        ],
        submit: (v) => commands.recordUrge(c.id, { ...opt('serial', str(v.serial)), ...opt('note', str(v.note)) }),
      };
    case 'notifyParties': {
      const jobs = c.respondent?.agentJobNumbers ?? [];
      const agents = branchUsers.filter((u) => u.role === 'agent');
      const matched = agents.find((u) => u.jobNumber && jobs.includes(u.jobNumber));
      const leads = branchUsers.filter((u) => u.role === 'team_lead');
      const lead = leads.find((l) => matched && l.teamId === matched.teamId);
      return {
        id, title: t('review.notify'), submitLabel: t('review.notify'),
        fields: [
          { name: 'agent', label: t('review.agents'), kind: 'select', required: true, initial: matched?.id ?? agents[0]?.id ?? '',
            options: agents.map((u) => ({ value: u.id, label: userLabel(u) })) },
          { name: 'lead', label: t('review.leads'), kind: 'select', required: true, initial: lead?.id ?? leads[0]?.id ?? '',
            options: leads.map((u) => ({ value: u.id, label: userLabel(u) })) },
        ],
        submit: (v) => commands.notifyParties(c.id, { agentIds: [str(v.agent)], leadIds: [str(v.lead)] }),
      };
    }
    case 'scheduleCallback':
      return {
        id, title: t('callbacks.schedule'), submitLabel: t('callbacks.schedule'),
        fields: [
          { name: 'at', label: t('callbacks.scheduleAt'), kind: 'datetime', required: true },
          { name: 'late', label: t('callbacks.lateRequest', { dayEnd: ref.policy.dayEnd }), kind: 'checkbox' },
          { name: 'note', label: t('detail.note'), kind: 'text' },
        ],
        check: (v) => (localInputToIso(str(v.at), tz) ? null : t('detail.required', { field: t('callbacks.scheduleAt') })),
        submit: (v) =>
          commands.scheduleCallback(c.id, {
            at: localInputToIso(str(v.at), tz)!,
            ...(v.late === true ? { customerRequestedLate: true } : {}),
            ...opt('note', str(v.note)),
          }),
      };
    case 'callbackAttempt': {
      const attempts = c.callbacks.attempts.length;
      const unreached = c.callbacks.attempts.filter((a) => !a.reached).length;
      // Said before, not after: this attempt unreached hands the complaint back to the officer.
      const last = unreached === sr.maxCallbackAttempts - 1 ? ` · ${t('callbackList.lastAttempt', { max: sr.maxCallbackAttempts })}` : '';
      const next = c.deadlines.nextCallbackEarliest;
      const tooSoon = typeof next === 'string' && Date.parse(next) > Date.parse(ctx.now);
      const blocked =
        next === null
          ? t('callbacks.noMoreAttempts', { max: sr.maxCallbackAttempts })
          : tooSoon
            ? t('callbacks.tooSoon', { when: formatDateTime(next, tz) })
            : null;
      return {
        id, title: t('callbacks.logAttempt'), submitLabel: t('callbacks.logAttempt'), blocked,
        hint: `${t('callbacks.attempts', { count: attempts, max: sr.maxCallbackAttempts })}${
          typeof next === 'string' ? ` · ${t('callbacks.nextAllowed', { when: formatDateTime(next, tz), hours: sr.callbackMinSpacingHours })}` : ''
        }${last}`,
        fields: [
          { name: 'serial', label: t('callbacks.serial'), kind: 'text', required: true },
          { name: 'reached', label: t('callbacks.reached'), kind: 'checkbox' },
          { name: 'accepted', label: t('callbacks.customerAccepted'), kind: 'checkbox' },
          { name: 'note', label: t('callbacks.attemptNote'), kind: 'text' },
        ],
        submit: (v) =>
          commands.logCallbackAttempt(c.id, {
            reached: v.reached === true,
            serial: str(v.serial),
            ...(v.reached === true ? { customerAccepted: v.accepted === true } : {}),
            ...opt('note', str(v.note)),
          }),
      };
    }
    case 'midCourseNote': {
      const lastSerial = [...c.callbacks.attempts].reverse().find((a) => a.reached)?.serial ?? '';
      const fields = (v: FormValues) => ({
        recordingSerial: str(v.recordingSerial),
        agentConduct: str(v.agentConduct),
        complaintFounded: v.founded === 'yes',
        customerAccepted: v.accepted === 'yes',
        callbackSerial: str(v.callbackSerial),
      });
      const render = (v: FormValues, locale: 'zh-CN' | 'en') => {
        // Nothing is written for the lead: no text until both judgements are chosen.
        if (!v.founded || !v.accepted) return null;
        try {
          return renderMidCourseNote(fields(v), locale);
        } catch {
          return null;
        }
      };
      return {
        id, title: t('callbacks.midCourse'), submitLabel: t('callbacks.addNote'),
        fields: [
          { name: 'recordingSerial', label: t('callbacks.recordingSerial'), kind: 'text', required: true, initial: c.callSerial ?? '' },
          { name: 'agentConduct', label: t('callbacks.agentConduct'), kind: 'text', required: true },
          { name: 'founded', label: t('callbacks.founded'), kind: 'select', required: true, initial: '', options: [
            { value: 'yes', label: t('callbacks.founded') }, { value: 'no', label: t('callbacks.notFounded') }] },
          { name: 'accepted', label: t('callbacks.accepted'), kind: 'select', required: true, initial: '', options: [
            { value: 'yes', label: t('callbacks.accepted') }, { value: 'no', label: t('callbacks.notAcceptedCustomer') }] },
          { name: 'callbackSerial', label: t('callbacks.callbackSerial'), kind: 'text', required: true, initial: lastSerial },
        ],
        preview: (v) => render(v, ctx.language === 'en' ? 'en' : 'zh-CN'),
        // The record keeps the norm's Chinese wording whatever the display language.
        submit: (v) => commands.addMidCourseNote(c.id, { ...fields(v), ...opt('text', render(v, 'zh-CN') ?? '') }),
      };
    }
    case 'officerReview': {
      // The decision is made beside what it rests on: the lead's note and the recording to listen to.
      const note = c.callbacks.midCourseNote;
      return {
        id, title: t('review.reviewCallback'), submitLabel: t('review.reviewCallback'),
        hint: note ? t('neutral.reviewBasis', {
          note: note.text ?? '', recording: note.recordingSerial, callback: note.callbackSerial,
          founded: t(note.complaintFounded ? 'callbacks.founded' : 'callbacks.notFounded'),
          accepted: t(note.customerAccepted ? 'callbacks.accepted' : 'callbacks.notAcceptedCustomer'),
        }) : null,
        fields: [
          { name: 'decision', label: t('review.reviewCallback'), kind: 'select', required: true, initial: '', options: [
            { value: 'continue', label: t('review.continueFlow') }, { value: 'revoked', label: t('review.revoke') }] },
          { name: 'recordingSerial', label: t('callbacks.recordingSerial'), kind: 'text', initial: note?.recordingSerial ?? '' },
          { name: 'note', label: t('detail.note'), kind: 'text' },
        ],
        submit: (v) =>
          commands.officerReview(c.id, {
            decision: v.decision === 'revoked' ? 'revoked' : 'continue',
            ...opt('recordingSerial', str(v.recordingSerial)),
            ...opt('note', str(v.note)),
          }),
      };
    }
    case 'investigation':
      return {
        id, title: t('review.investigation'), submitLabel: t('review.recordInvestigation'),
        fields: [
          { name: 'method', label: t('review.method'), kind: 'select', required: true, initial: '',
            options: INVESTIGATION_METHODS.map((m) => ({ value: m, label: t(`review.methods.${m}`) })) },
          { name: 'finding', label: t('review.finding'), kind: 'select', required: true, initial: '',
            options: FINDINGS.map((f) => ({ value: f, label: t(`review.findings.${f}`) })) },
          { name: 'evidence', label: t('review.evidence'), kind: 'textarea' },
          { name: 'note', label: t('detail.note'), kind: 'textarea' },
        ],
        submit: (v) =>
          commands.recordInvestigation(c.id, {
            method: str(v.method) as (typeof INVESTIGATION_METHODS)[number],
            finding: str(v.finding) as Finding,
            evidenceRefs: str(v.evidence).split('\n').map((s) => s.trim()).filter(Boolean),
            ...opt('note', str(v.note)),
          }),
      };
    case 'resolution':
      return {
        id, title: t('review.resolution'), submitLabel: t('review.recordResolution'),
        fields: [
          { name: 'kinds', label: t('review.resolution'), kind: 'multi', required: true, initial: 'apology',
            options: RESOLUTION_KINDS.map((k) => ({ value: k, label: t(`review.kinds.${k}`) })) },
          { name: 'text', label: t('review.resolutionText'), kind: 'textarea', required: true },
        ],
        submit: (v) =>
          commands.recordResolution(c.id, {
            kinds: str(v.kinds).split(',').filter(Boolean) as (typeof RESOLUTION_KINDS)[number][],
            text: str(v.text),
          }),
      };
    case 'refund': {
      const currency = ref.policy.refund.currency;
      return {
        id, title: t('review.refund'), submitLabel: t('review.requestRefund'),
        fields: [
          { name: 'amount', label: t('review.amount', { currency }), kind: 'number', required: true },
          { name: 'reason', label: t('detail.reason'), kind: 'text', required: true },
        ],
        preview: (v) => {
          const amount = Number(v.amount);
          if (!Number.isFinite(amount) || amount <= 0) return null;
          const d = refundAuthority(amount, ref.policy);
          return t(d.withinAuthority ? 'review.withinAuthority' : 'review.beyondAuthority', { amount: d.limit, currency });
        },
        check: (v) => (Number(v.amount) > 0 ? null : t('detail.required', { field: t('review.amount', { currency }) })),
        submit: (v) => commands.requestRefund(c.id, { amount: Number(v.amount), reason: str(v.reason) }),
      };
    }
    case 'refundDecision': {
      const pending = c.refunds.filter((r) => r.decision === 'pending');
      return {
        id, title: t('supervisor.refunds'), submitLabel: t('detail.confirm'),
        fields: [
          { name: 'request', label: t('review.refund'), kind: 'select',
            options: pending.map((r) => ({ value: r.requestId, label: `${r.amount} ${ref.policy.refund.currency}` })) },
          { name: 'decision', label: t('detail.actions'), kind: 'select', options: [
            { value: 'approve', label: t('supervisor.approve') }, { value: 'deny', label: t('supervisor.deny') }] },
          { name: 'reason', label: t('supervisor.denyReason'), kind: 'text' },
        ],
        check: (v) => (v.decision === 'deny' && !str(v.reason) ? t('detail.required', { field: t('supervisor.denyReason') }) : null),
        submit: (v) =>
          v.decision === 'deny'
            ? commands.denyRefund(c.id, str(v.request), str(v.reason))
            : commands.approveRefund(c.id, str(v.request), str(v.reason) || undefined),
      };
    }
    case 'notifyCustomer':
      return {
        id, title: t('review.notifyCustomer'), submitLabel: t('review.notifyCustomer'),
        fields: [
          { name: 'channel', label: t('review.notifyChannel'), kind: 'select',
            options: NOTIFY_CHANNELS.map((ch) => ({ value: ch, label: t(`review.notifyChannels.${ch}`) })) },
          { name: 'written', label: t('review.written'), kind: 'checkbox' },
          { name: 'text', label: t('detail.note'), kind: 'textarea' },
        ],
        submit: (v) =>
          commands.notifyCustomer(c.id, {
            channel: str(v.channel) as (typeof NOTIFY_CHANNELS)[number],
            ...(v.written === true ? { written: true } : {}),
            ...opt('text', str(v.text)),
          }),
      };
    case 'survey': {
      const max = ref.policy.survey.scaleMax;
      return {
        id, title: t('review.survey'), submitLabel: t('review.recordSurvey'),
        fields: [
          { name: 'score', label: t('review.score', { max }), kind: 'select',
            options: Array.from({ length: max }, (_, i) => ({ value: String(max - i), label: String(max - i) })) },
          { name: 'comment', label: t('detail.note'), kind: 'text' },
        ],
        submit: (v) => commands.recordSurvey(c.id, { score: Number(v.score), scale: max, ...opt('comment', str(v.comment)) }),
      };
    }
    case 'close':
      return {
        id, title: t('review.close'), submitLabel: t('review.close'),
        fields: [{ name: 'note', label: t('detail.note'), kind: 'text' }],
        submit: (v) => commands.close(c.id, str(v.note) || undefined),
      };
    case 'reopen':
      return {
        id, title: t('review.reopen'), submitLabel: t('review.reopen'),
        fields: [{ name: 'reason', label: t('detail.reason'), kind: 'text', required: true }],
        submit: (v) => commands.reopen(c.id, str(v.reason)),
      };
    case 'reverseWithdrawal':
      return {
        id, title: t('withdrawal.reverse'), submitLabel: t('withdrawal.reverse'), hint: t('withdrawal.reverseHint'),
        fields: [{ name: 'reason', label: t('detail.reason'), kind: 'text', required: true }],
        submit: (v) => commands.reverseWithdrawal(c.id, str(v.reason)),
      };
    case 'extension':
      return {
        id, title: t('review.extension'), submitLabel: t('review.grantExtension'),
        fields: [
          { name: 'days', label: t('review.extensionDays'), kind: 'number', required: true, initial: '3' },
          { name: 'reason', label: t('review.extensionReason'), kind: 'text', required: true },
        ],
        check: (v) => (Number.isInteger(Number(v.days)) && Number(v.days) >= 1 ? null : t('detail.required', { field: t('review.extensionDays') })),
        submit: (v) => commands.grantExtension(c.id, { days: Number(v.days), reasonToldCustomer: str(v.reason) }),
      };
    case 'fileWorkOrder':
    case 'escalate':
      // Escalation has its own dialog; filing belongs to the soothing panel.
      return null;
  }
}
