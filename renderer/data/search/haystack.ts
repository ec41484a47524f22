import type { ComplaintProjection } from '../../../shared/fold/projection';

/**
 * The searchable text of a complaint: number (as written and without its
 * dashes), phone digits, name and
 * description, lower-cased with spaces collapsed. Separated by a character
 * no query contains, so a match never spans two fields.
 */
export const FIELD_SEPARATOR = '\u0001';

export function normalizeQuery(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

export function haystackOf(p: ComplaintProjection): string {
  return [
    p.number,
    // Read out over the phone, a number is often typed without its dashes.
    p.number.replace(/[-\s]+/g, ''),
    (p.complainant?.phone ?? '').replace(/\D+/g, ''),
    p.complainant?.name ?? '',
    p.description ?? '',
  ]
    .map(normalizeQuery)
    .join(FIELD_SEPARATOR);
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/**
 * Whether a query is specific enough to run: two Chinese characters, four
 * digits (part of a phone), or three other characters (a name or a number).
 */
export function isSearchable(query: string): boolean {
  const q = queryKey(query);
  if (!q) return false;
  if (/^\d+$/.test(q)) return q.length >= 4;
  if (CJK.test(q)) return q.length >= 2;
  return q.length >= 3;
}

/** The text a query looks for: a phone typed with spaces or dashes is searched as its digits. */
export function queryKey(query: string): string {
  const q = normalizeQuery(query);
  return /^[\d\s()+-]+$/.test(q) ? q.replace(/\D+/g, '') : q;
}
