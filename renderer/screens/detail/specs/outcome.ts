import { FINDINGS, INVESTIGATION_METHODS, NOTIFY_CHANNELS, RESOLUTION_KINDS, type Finding } from '../../../../shared/events/catalogue';
import { refundAuthority } from '../../../../shared/rules/refund-authority';
import { commands } from '../../../data/commands';
import { notificationKind } from '../../../../shared/rules/result-feedback';
import type { FormValues } from '../../../components/ActionForm';
import { opt, str, type SpecBuilders } from './spec-context';

/** Investigation and outcome: findings, resolution, refunds, telling the customer, the survey. */
export const outcomeSpecs: SpecBuilders = {
  investigation: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
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
  },
  resolution: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
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
  },
  refund: (id, ctx) => {
    const c = ctx.complaint;
    const ref = ctx.reference;
    const t = ctx.t;
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
  },
  refundDecision: (id, ctx) => {
    const c = ctx.complaint;
    const ref = ctx.reference;
    const t = ctx.t;
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
  },
  notifyCustomer: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    const policy = ctx.reference.policy;
    // Before the resolution there is only progress to tell; after it, the result (what stops the written-result clock).
    const resolved = c.status === 'resolved';
    const payloadOf = (v: FormValues) => ({
      channel: str(v.channel) as (typeof NOTIFY_CHANNELS)[number],
      ...(v.written === true ? { written: true } : {}),
      purpose: resolved && v.purpose !== 'progress' ? ('result' as const) : ('progress' as const),
    });
    return {
      id, title: t('review.notifyCustomer'), submitLabel: t('review.notifyCustomer'),
      hint: resolved && policy.feedback.resultInWriting ? t('review.resultInWriting') : null,
      fields: [
        ...(resolved
          ? [{ name: 'purpose', label: t('review.notifyPurpose'), kind: 'select' as const, required: true, initial: '', options: [
              { value: 'result', label: t('review.purposes.result') }, { value: 'progress', label: t('review.purposes.progress') }] }]
          : []),
        { name: 'channel', label: t('review.notifyChannel'), kind: 'select',
          options: NOTIFY_CHANNELS.map((ch) => ({ value: ch, label: t(`review.notifyChannels.${ch}`) })) },
        { name: 'written', label: t('review.written'), kind: 'checkbox' },
        { name: 'text', label: t('detail.note'), kind: 'textarea' },
      ],
      // Says before writing whether this stops the written-result clock, by the rule the fold applies.
      preview: (v) =>
        resolved && v.purpose === 'result'
          ? t(notificationKind(payloadOf(v), true, policy) === 'result' ? 'review.stopsWrittenResult' : 'review.notInWriting')
          : null,
      submit: (v) => commands.notifyCustomer(c.id, { ...payloadOf(v), ...opt('text', str(v.text)) }),
    };
  },
  survey: (id, ctx) => {
    const c = ctx.complaint;
    const ref = ctx.reference;
    const t = ctx.t;
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
  },
};
