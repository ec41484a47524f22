import type { TFunction } from 'i18next';

/**
 * The issue as a script line says it: the sub-type the agent typed (the
 * caller's own words for it), else the category phrased for a sentence
 * ("the charges", "资费问题") rather than its label in a list.
 */
export function issuePhrase(t: TFunction, subCategory: string | null | undefined, category: string | null | undefined): string {
  const sub = (subCategory ?? '').trim();
  if (sub) return sub;
  return category ? t(`soothing.issues.${category}`, { defaultValue: t('soothing.issueFallback') }) : t('soothing.issueFallback');
}
