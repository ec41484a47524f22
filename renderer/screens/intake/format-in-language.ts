/**
 * A date and time written the way the UI language writes it (2026年11月23日
 * 09:30 / 23 Nov 2026, 09:30), in the centre's time zone: the intake form
 * reads typed dates back in the UI language, whatever locale the
 * workstation's date picker uses. '' for nothing to show.
 */
export function formatInLanguage(iso: string | undefined, language: string, timeZone: string): string {
  if (iso === undefined) return '';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return '';
  const locale = language.startsWith('zh') ? 'zh-CN' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms);
}
