import { formatInstant } from '../../shared/reports/format';

/**
 * Dates as the centre reads them: 2026-11-23 17:00 in the centre's time zone
 * (policy), never the workstation's. One formatter serves screens, exports and print.
 */
export const formatDateTime = formatInstant;

/** HH:MM of a date in the centre's time zone. */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  return formatDateTime(iso, timeZone).slice(11);
}
