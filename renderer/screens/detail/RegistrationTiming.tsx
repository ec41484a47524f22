import { useTranslation } from 'react-i18next';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { registrationDelay } from '../../../shared/rules/registration';
import { useReference } from '../../hooks/use-reference';
import { formatDateTime } from '../../i18n/format-date';

/** When the complaint was registered, and whether within the policy's hours of its receipt. */
export function RegistrationTiming({ complaint }: { complaint: ComplaintProjection }) {
  const { t } = useTranslation();
  const { policy } = useReference();
  const c = complaint;
  if (c.createdAt === null) return null;
  const delay = c.receivedAt === null ? null : registrationDelay(c.receivedAt, c.createdAt, policy);
  const limit = policy.deadlines.registrationHours;
  return (
    <>
      {formatDateTime(c.createdAt, policy.timeZone)}
      {delay && (
        <span className={delay.late ? 'error' : 'hint'}>
          {' · '}
          {t(delay.late ? 'domainRules.intake.registrationLate' : 'domainRules.intake.registrationOnTime', { hours: delay.hours, limit })}
        </span>
      )}
    </>
  );
}
