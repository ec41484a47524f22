import { describe, expect, it } from 'vitest';
import type { ComplaintProjection } from '../../../shared/fold/projection';
import { FoldedCache } from './folded-cache';

/** Only the parts the cache reads: the id and the length of the event list. */
const projection = (id: string, events: number) => ({ id, events: Array.from({ length: events }, (_, i) => ({ id: `${id}-${i}` })) }) as unknown as ComplaintProjection;

describe('FoldedCache', () => {
  it('answers only for the revision written', () => {
    const cache = new FoldedCache(100);
    const p = projection('c-1', 3);
    cache.set('c-1', '1-a', p);
    expect(cache.get('c-1', '1-a')).toBe(p);
    expect(cache.get('c-1', '2-b')).toBeUndefined();
    expect(cache.get('c-2', '1-a')).toBeUndefined();
  });

  it('replaces and forgets an entry', () => {
    const cache = new FoldedCache(100);
    const newer = projection('c-1', 4);
    cache.set('c-1', '1-a', projection('c-1', 3));
    cache.set('c-1', '2-a', newer);
    expect(cache.get('c-1', '1-a')).toBeUndefined();
    expect(cache.get('c-1', '2-a')).toBe(newer);
    cache.delete('c-1');
    expect(cache.get('c-1', '2-a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('holds at most its bound of events, dropping the least recently used first', () => {
    const cache = new FoldedCache(10);
    cache.set('a', 'r', projection('a', 4));
    cache.set('b', 'r', projection('b', 4));
    expect(cache.get('a', 'r')).toBeDefined();
    cache.set('c', 'r', projection('c', 4));
    expect(cache.get('b', 'r')).toBeUndefined();
    expect(cache.get('a', 'r')).toBeDefined();
    expect(cache.get('c', 'r')).toBeDefined();
    cache.set('huge', 'r', projection('huge', 11));
    expect(cache.get('huge', 'r')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
