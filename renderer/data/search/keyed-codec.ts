import type { ComplaintProjection } from '../../../shared/fold/projection';
import type { SearchCodec } from './search-codec';
import { FIELD_SEPARATOR, isSearchable, normalizeQuery, queryKey } from './haystack';
import { blindTokens } from './blind-tokens';

/** Between the clear number fields and the tokens. */
const TOKENS_START = '\u0002';
/** 36 bits a token: a query token is wrongly found in an entry of 500 tokens once in ~10^8. */
const TOKEN_CHARS = 6;
const PHONE_GRAM = 4;
const TEXT_GRAM = 2;

function grams(text: string, n: number): string[] {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + n <= chars.length; i++) out.add(chars.slice(i, i + n).join(''));
  return [...out];
}

/** Compares the token at `at` in `entry` with `token`, as string order does. */
function compareAt(entry: string, at: number, token: string): number {
  for (let i = 0; i < TOKEN_CHARS; i++) {
    const d = entry.charCodeAt(at + i) - token.charCodeAt(i);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether `token` is among the sorted fixed-width tokens from `start` on: a binary search, no substrings. */
function hasToken(entry: string, start: number, token: string): boolean {
  let lo = 0;
  let hi = Math.floor((entry.length - start) / TOKEN_CHARS) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareAt(entry, start + mid * TOKEN_CHARS, token);
    if (c === 0) return true;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * The search index's entries without personal data in the clear: the
 * complaint number (not personal) as plain text, then keyed tokens of
 * every 4 digits of the phone and every 2 characters of the name and of
 * the description, each tagged with its field. A query matches when it is
 * in a number field, or when every one of its tokens for one field is in
 * the entry: 4+ phone digits, a name, 2+ Chinese characters of the
 * description. Unlike substring search, the n-grams of a query may occur
 * apart in one field (rare with names and short descriptions, never a
 * missed match). Deterministic, so the same complaint always gives the
 * same entry whatever order it was built in.
 */
export function keyedCodec(blindKey: Uint8Array): SearchCodec {
  const token = blindTokens(blindKey, TOKEN_CHARS);
  const tokensOf = (tag: string, text: string, n: number) => grams(text, n).map((g) => token(tag, g));
  return {
    version: 2,
    entryOf(p: ComplaintProjection) {
      const number = normalizeQuery(p.number);
      const phone = (p.complainant?.phone ?? '').replace(/\D+/g, '');
      const tokens = [
        ...tokensOf('p', phone, PHONE_GRAM),
        ...tokensOf('n', normalizeQuery(p.complainant?.name ?? ''), TEXT_GRAM),
        ...tokensOf('d', normalizeQuery(p.description ?? ''), TEXT_GRAM),
      ];
      // Sorted, so a lookup is a binary search (this runs for every complaint on every keystroke).
      const sorted = [...new Set(tokens)].sort().join('');
      return `${number}${FIELD_SEPARATOR}${normalizeQuery(p.number.replace(/[-\s]+/g, ''))}${TOKENS_START}${sorted}`;
    },
    matcherOf(query) {
      if (!isSearchable(query)) return null;
      const q = queryKey(query);
      if (q.includes(FIELD_SEPARATOR) || q.includes(TOKENS_START)) return null;
      const sets = [tokensOf('n', q, TEXT_GRAM), tokensOf('d', q, TEXT_GRAM)];
      if (/^\d+$/.test(q)) sets.push(tokensOf('p', q, PHONE_GRAM));
      const wanted = sets.filter((s) => s.length > 0);
      // Numbers hold letters, digits, - and _ only (the intake schema).
      const mayBeNumber = /^[a-z0-9_-]+$/.test(q);
      return (entry) => {
        const start = entry.indexOf(TOKENS_START);
        if (start === -1) return false;
        if (mayBeNumber) {
          const at = entry.indexOf(q);
          if (at !== -1 && at < start) return true;
        }
        for (const set of wanted) {
          let all = true;
          for (const t of set) {
            if (!hasToken(entry, start + 1, t)) {
              all = false;
              break;
            }
          }
          if (all) return true;
        }
        return false;
      };
    },
  };
}
