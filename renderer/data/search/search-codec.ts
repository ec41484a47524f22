import type { ComplaintProjection } from '../../../shared/fold/projection';
import { FIELD_SEPARATOR, haystackOf, isSearchable, queryKey } from './haystack';

/**
 * What the search index stores for a complaint and how a query is matched
 * against it, in one place: the index keeps and persists the entries without
 * looking inside them. A keyed variant (for personal fields encrypted at
 * rest) replaces this one whole: entries become keyed hashes of n-grams and a
 * query matches when every hashed n-gram of it is in the entry.
 */
export interface SearchCodec {
  /** Bump when entries change meaning: a persisted index of another version is rebuilt. */
  version: number;
  entryOf(p: ComplaintProjection): string;
  /** Null when the query is too short to mean anything (isSearchable). */
  matcherOf(query: string): ((entry: string) => boolean) | null;
}

/** Plain searchable text, substring match within one field (FIELD_SEPARATOR never matches). */
export const plainCodec: SearchCodec = {
  version: 1,
  entryOf: haystackOf,
  matcherOf(query) {
    if (!isSearchable(query)) return null;
    const q = queryKey(query);
    if (q.includes(FIELD_SEPARATOR)) return null;
    return (entry) => entry.includes(q);
  },
};
