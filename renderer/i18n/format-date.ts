/**
 * Dates as the centre reads them: 2026-11-23 17:00 in the centre's time zone
 * (policy), never the workstation's.
 */
export function formatDateTime(iso: string | null | undefined, timeZone: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** HH:MM of a date in the centre's time zone. */
export function formatTime(iso: string | null | undefined, timeZone: string): string {
  return formatDateTime(iso, timeZone).slice(11);
}
