import type { TFunction } from 'i18next';

export interface ReasonLike {
  code: string;
  message: string;
}

/** The fold's fixed reasons (shared/fold/steps), by their English words, to their keys in `reasons.fold`. */
const FOLD_WHYS: Record<string, string> = {
  'The team lead has not added the mid-course note yet': 'noMidCourseNote',
  'The customer urged before the note, so the complaint went to the normal flow': 'urgedBeforeNote',
  'The callback attempts were used up; the officer handles it in the normal flow': 'attemptsUsedUp',
  'A mid-course note was already added': 'noteAlreadyAdded',
  'The callback was already reviewed': 'alreadyReviewed',
  'A work order was already filed': 'alreadyFiled',
  'The parties were already notified': 'alreadyNotified',
  'Already resolved by an earlier resolution': 'alreadyResolved',
  'Already closed by an earlier event': 'alreadyClosed',
  'Already reopened by an earlier event': 'alreadyReopened',
  'Already in that branch': 'alreadyInBranch',
  'A survey was already recorded': 'surveyAlreadyRecorded',
  'The customer had already withdrawn': 'alreadyWithdrawn',
  'No such refund request on this complaint': 'noSuchRefund',
  'The complaint had not been created yet': 'notCreatedYet',
  'The payload does not match its event type': 'badPayload',
  'A closed complaint is archived; reopen it to add notes': 'closedArchived',
  'Already registered as not accepted': 'alreadyNotAccepted',
};

const STATE_PREFIX = /^Not allowed in the complaint's current state(?::\s*(.*))?$/s;
const NOT_NOW = /^.+ is not possible while the complaint is ([a-z ]+)$/;
const AT_LEVEL = /^Already at level (\d)$/;
const CLOCK_DONE = /^The (\w+) clock was already escalated by an earlier event$/;
const REFUND_DONE = /^The refund request was already (approved|denied)$/;

/** The fold's reason for a state refusal, in the user's language; null when these words are not known here. */
function foldWhy(t: TFunction, why: string, eventType: string | undefined): string | null {
  const fixed = FOLD_WHYS[why];
  if (fixed) return t(`reasons.fold.${fixed}`);
  const notNow = NOT_NOW.exec(why);
  if (notNow) {
    const status = notNow[1]!.replaceAll(' ', '_');
    return t('reasons.notNow', { what: eventType ? t(`events.${eventType}`) : '', status: t(`statuses.${status}`) });
  }
  const level = AT_LEVEL.exec(why);
  if (level) return t('reasons.fold.alreadyAtLevel', { level: t(`levels.${level[1]}`) });
  const clock = CLOCK_DONE.exec(why);
  if (clock) return t('reasons.fold.clockAlreadyEscalated', { clock: t(`clocks.${clock[1]}`) });
  const refund = REFUND_DONE.exec(why);
  if (refund) return t(`reasons.fold.refundAlready.${refund[1]}`);
  return null;
}

/**
 * A refusal (the server's, or the client's own check that makes the
 * server's) in the user's language. The server words its reasons in
 * English with a code; the code and the fold's known reasons are translated,
 * and words not known here are shown as the server gave them.
 */
export function reasonText(t: TFunction, reason: ReasonLike, eventType?: string): string {
  const { code, message } = reason;
  if (code === 'illegal_state') {
    const why = STATE_PREFIX.exec(message)?.[1] ?? message;
    if (!why || STATE_PREFIX.test(why)) return t('reasons.illegal_state');
    return foldWhy(t, why, eventType) ?? why;
  }
  if (code === 'role_not_allowed') return t('reasons.role_not_allowed', { what: eventType ? t(`events.${eventType}`) : '' });
  const key = `reasons.codes.${code}`;
  const translated = t(key);
  return translated === key ? message : translated;
}
