import { renderMidCourseNote } from '../../../../shared/rules/mid-course-note';
import { commands } from '../../../data/commands';
import { formatDateTime } from '../../../i18n/format-date';
import type { FormValues } from '../../../components/ActionForm';
import { localInputToIso } from '../../intake/intake-validation';
import { formatInLanguage } from '../../intake/format-in-language';
import { opt, str, type SpecBuilders } from './spec-context';
import { acceptanceAsks, attemptBreaches } from './attempt-breaches';

/** The 二解 callback: scheduling, attempts, the lead's mid-course note and the officer's review of it. */
export const callbackSpecs: SpecBuilders = {
  scheduleCallback: (id, ctx) => {
    const c = ctx.complaint;
    const ref = ctx.reference;
    const t = ctx.t;
    const tz = ctx.reference.policy.timeZone;
    return {
      id, title: t('callbacks.schedule'), submitLabel: t('callbacks.schedule'),
      fields: [
        { name: 'at', label: t('callbacks.scheduleAt'), kind: 'datetime', required: true,
          readBack: (v) => formatInLanguage(localInputToIso(v, tz), ctx.language, tz) },
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
  },
  callbackAttempt: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
    const tz = ctx.reference.policy.timeZone;
    const sr = ctx.reference.policy.secondResolution;
    const attempts = c.callbacks.attempts.length;
    const unreached = c.callbacks.attempts.filter((a) => !a.reached).length;
    // Said before, not after: this attempt unreached hands the complaint back to the officer.
    const last = unreached === sr.maxCallbackAttempts - 1 ? ` · ${t('callbackList.lastAttempt', { max: sr.maxCallbackAttempts })}` : '';
    const next = c.deadlines.nextCallbackEarliest;
    // The rule the fold applies on the server and here: a breach is recorded and flagged, not refused.
    const breachText = (v: FormValues) =>
      attemptBreaches(c, v, ctx.now, ctx.reference.policy)
        .map((b) =>
          t(`callbacks.breach.${b}`, {
            when: typeof next === 'string' ? formatDateTime(next, tz) : '',
            hours: sr.callbackMinSpacingHours,
            asks: sr.maxAcceptanceAsksPerCall,
            apologies: sr.maxApologyCalls,
          }),
        )
        .join(' ');
    const asksLabel = t('callbacks.acceptanceAsks', { max: sr.maxAcceptanceAsksPerCall });
    return {
      id, title: t('callbacks.logAttempt'), submitLabel: t('callbacks.logAttempt'),
      blocked: next === null ? t('callbacks.noMoreAttempts', { max: sr.maxCallbackAttempts }) : null,
      hint: `${t('callbacks.attempts', { count: attempts, max: sr.maxCallbackAttempts })}${
        typeof next === 'string' ? ` · ${t('callbacks.nextAllowed', { when: formatDateTime(next, tz), hours: sr.callbackMinSpacingHours })}` : ''
      }${last}`,
      fields: [
        { name: 'serial', label: t('callbacks.serial'), kind: 'text', required: true },
        { name: 'reached', label: t('callbacks.reached'), kind: 'checkbox' },
        { name: 'accepted', label: t('callbacks.customerAccepted'), kind: 'checkbox' },
        { name: 'asks', label: asksLabel, kind: 'number', initial: '' },
        { name: 'askedForCall', label: t('callbacks.customerAskedForCall'), kind: 'checkbox' },
        { name: 'note', label: t('callbacks.attemptNote'), kind: 'text' },
        { name: 'confirmBreach', label: t('callbacks.confirmBreach'), kind: 'checkbox' },
      ],
      preview: (v) => breachText(v) || null,
      check: (v) => {
        if (str(v.asks) !== '' && acceptanceAsks(v) === undefined) return t('detail.required', { field: asksLabel });
        // The breach itself is in the preview above; this asks for the confirmation.
        return breachText(v) && v.confirmBreach !== true ? t('callbacks.confirmBreachFirst') : null;
      },
      submit: (v) => {
        const asks = acceptanceAsks(v);
        return commands.logCallbackAttempt(c.id, {
          reached: v.reached === true,
          serial: str(v.serial),
          ...(v.reached === true ? { customerAccepted: v.accepted === true } : {}),
          ...(v.reached === true && asks !== undefined ? { acceptanceAsks: asks } : {}),
          ...(v.askedForCall === true ? { customerAskedForCall: true } : {}),
          ...opt('note', str(v.note)),
        });
      },
    };
  },
  midCourseNote: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
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
        { name: 'recordingSerial', label: t('callbacks.recordingSerial'), kind: 'text', required: true, initial: c.complainedSerial ?? '' },
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
  },
  officerReview: (id, ctx) => {
    const c = ctx.complaint;
    const t = ctx.t;
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
        { name: 'recordingSerial', label: t('callbacks.recordingSerial'), kind: 'text', initial: note?.recordingSerial ?? c.complainedSerial ?? '' },
        { name: 'note', label: t('detail.note'), kind: 'text' },
      ],
      submit: (v) =>
        commands.officerReview(c.id, {
          decision: v.decision === 'revoked' ? 'revoked' : 'continue',
          ...opt('recordingSerial', str(v.recordingSerial)),
          ...opt('note', str(v.note)),
        }),
    };
  },
};
