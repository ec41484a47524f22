import { useTranslation } from 'react-i18next';
import type { Policy } from '../../shared/policy/policy';
import { warningWindowMs } from '../../shared/policy/policy';
import type { WorkCalendar } from '../../shared/calendar/calendar';
import { countsWorkingDays, type DeadlineClock } from '../../shared/deadlines/clocks';
import { formatDateTime } from '../i18n/format-date';
import { deadlineIcon, deadlineStatus, inWorkingDays } from './deadline-status';

interface Props {
  due: string | null | undefined;
  now: string;
  policy: Policy;
  clock?: DeadlineClock;
  /** Prefix with the clock's name ("Handling: 2 h left"). */
  showClock?: boolean;
  /** The centre's calendar: a clock counted in working days says its time left in working days. */
  calendar?: WorkCalendar;
}

/** A deadline as colour, icon and words together, so colour is never the only signal. */
export function DeadlineBadge({ due, now, policy, clock, showClock, calendar }: Props) {
  const { t } = useTranslation();
  if (!due) return null;
  const plain = deadlineStatus(due, Date.parse(now), warningWindowMs(policy, clock));
  if (!plain) return null;
  const status = calendar && clock && countsWorkingDays(clock, policy) ? inWorkingDays(plain, calendar, due, Date.parse(now)) : plain;
  const words = t(`deadline.${status.kind}_${status.unit}`, { count: status.amount });
  const label = showClock && clock ? `${t(`clocks.${clock}`)}: ${words}` : words;
  return (
    <span
      className={`deadline ${status.tone}`}
      title={t('deadline.due', { when: formatDateTime(due, policy.timeZone) })}
      data-tone={status.tone}
    >
      <span aria-hidden="true">{deadlineIcon(status.tone)}</span>
      {label}
    </span>
  );
}
