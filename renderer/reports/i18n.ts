import i18next from 'i18next';
import { reportsEn, reportsZh } from './strings';

/**
 * Adds the reports strings under `reports.*` without touching the app's own
 * resources. Called when a reports component renders (i18next is running by
 * then); does nothing the second time.
 */
export function registerReportStrings(): void {
  if (!i18next.store || i18next.getResource('en', 'translation', 'reports.title') !== undefined) return;
  i18next.addResourceBundle('en', 'translation', { reports: reportsEn }, true, false);
  i18next.addResourceBundle('zh-CN', 'translation', { reports: reportsZh }, true, false);
}
