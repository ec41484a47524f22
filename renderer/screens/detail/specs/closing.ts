import { commands } from '../../../data/commands';
import { opt, str, type SpecBuilders } from './spec-context';

/** Closing and its reversals: close, reopen, reversing a withdrawal, an extension. */
export const closingSpecs: SpecBuilders = {
  close: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    // A resolved complaint closes once the customer was told the result, or with the reason why not.
    const untold = c.status === 'resolved' && (c.resultNotifiedAt ?? null) === null;
    return {
      id, title: t('review.close'), submitLabel: t('review.close'),
      hint: untold ? t('review.resultNotTold') : null,
      fields: [
        ...(untold ? [{ name: 'whyNot', label: t('review.resultNotToldReason'), kind: 'text' as const, required: true }] : []),
        { name: 'note', label: t('detail.note'), kind: 'text' },
      ],
      submit: (v) =>
        commands.close(c.id, { ...opt('note', str(v.note)), ...(untold ? opt('resultNotToldReason', str(v.whyNot)) : {}) }),
    };
  },
  reopen: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    return {
      id, title: t('review.reopen'), submitLabel: t('review.reopen'),
      fields: [{ name: 'reason', label: t('detail.reason'), kind: 'text', required: true }],
      submit: (v) => commands.reopen(c.id, str(v.reason)),
    };
  },
  reverseWithdrawal: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    return {
      id, title: t('withdrawal.reverse'), submitLabel: t('withdrawal.reverse'), hint: t('withdrawal.reverseHint'),
      fields: [{ name: 'reason', label: t('detail.reason'), kind: 'text', required: true }],
      submit: (v) => commands.reverseWithdrawal(c.id, str(v.reason)),
    };
  },
  extension: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    return {
      id, title: t('review.extension'), submitLabel: t('review.grantExtension'),
      fields: [
        { name: 'days', label: t('review.extensionDays'), kind: 'number', required: true, initial: '3' },
        { name: 'reason', label: t('review.extensionReason'), kind: 'text', required: true },
      ],
      check: (v) => (Number.isInteger(Number(v.days)) && Number(v.days) >= 1 ? null : t('detail.required', { field: t('review.extensionDays') })),
      submit: (v) => commands.grantExtension(c.id, { days: Number(v.days), reasonToldCustomer: str(v.reason) }),
    };
  },
};
