/**
 * Keyword matching for free text typed under stress. Full-width forms are
 * folded (１２３１５ → 12315) and case is ignored. Latin keywords match on
 * Latin word boundaries, so "sue" does not fire inside "issue" while "12315"
 * still fires inside "打12315"; Chinese has no word boundaries, so a Chinese
 * keyword matches anywhere.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function isLatin(keyword: string): boolean {
  return /^[\x20-\x7e]+$/.test(keyword);
}

/** The keywords (as given) found in the text, each once, in list order. */
export function matchKeywords(text: string, keywords: readonly string[]): string[] {
  const haystack = normaliseText(text);
  const found: string[] = [];
  for (const raw of keywords) {
    const k = normaliseText(raw).trim();
    if (k === '') continue;
    const hit = isLatin(k)
      ? new RegExp(`(^|[^a-z0-9])${escapeRegExp(k)}($|[^a-z0-9])`).test(haystack)
      : haystack.includes(k);
    if (hit && !found.includes(raw)) found.push(raw);
  }
  return found;
}
