import { describe, expect, it } from 'vitest';
import type { EventsCollection } from '../db';
import type { LocalMeta } from '../local-meta';
import { ApiError, NetworkError, type Api } from './api';
import { progressOf, runBootstrap } from './bootstrap';

describe('first sync progress', () => {
  const total = { complaints: 10_000, events: 55_000 };

  it('estimates the time left from this run’s rate of events', () => {
    // 11,000 events in 10 s: 44,000 left take 40 s.
    expect(progressOf({ complaints: 2000, events: 11_000, total }, 0, 0, 10_000)).toEqual({
      complaints: 2000,
      events: 11_000,
      totalComplaints: 10_000,
      totalEvents: 55_000,
      msLeft: 40_000,
    });
  });

  it('counts only what this run brought when it resumed one before, and says nothing before a page arrived', () => {
    expect(progressOf({ complaints: 2000, events: 11_000, total }, 0, 5500, 10_000).msLeft).toBe(80_000);
    expect(progressOf({ complaints: 0, events: 0, total }, 0, 0, 0).msLeft).toBeNull();
    expect(progressOf({ complaints: 0, events: 0, total: null }, 0, 0, 5).totalEvents).toBe(0);
  });
});

/** A server of `n` complaints with two events each, answering bootstrap pages after `after`. */
function pagedServer(n: number) {
  const ids = Array.from({ length: n }, (_, i) => `c${String(i).padStart(3, '0')}`);
  const requests: string[] = [];
  const api = {
    async json<T>(_method: string, path: string): Promise<T> {
      requests.push(path);
      const q = new URL(path, 'http://x').searchParams;
      const limit = Number(q.get('limit'));
      const after = q.get('after') ?? '';
      const page = ids.filter((id) => id > after).slice(0, limit);
      const next = page.length === limit && page.at(-1) !== ids.at(-1) ? page.at(-1)! : null;
      const events = (id: string) => [1, 2].map((k) => ({ id: `${id}-e${k}`, complaintId: id, hlc: `${id}-${k}`, status: 'accepted' }));
      return {
        upTo: 42,
        complaints: page.map((id) => ({ id, events: events(id) })),
        rejected: after === '' ? [{ id: 'r1', complaintId: 'c000', hlc: 'r', status: 'rejected' }] : [],
        next,
        total: after === '' ? { complaints: n, events: n * 2 + 1 } : null,
      } as T;
    },
  };
  return { api: api as unknown as Api, requests };
}

function memoryMeta(): LocalMeta {
  const m = new Map<string, unknown>();
  return {
    get: async <T>(k: string) => (m.has(k) ? (m.get(k) as T) : null),
    set: async (k, v) => void m.set(k, v),
    remove: async (k) => void m.delete(k),
  };
}

describe('first sync writes', () => {
  it('writes each page in slices with a pause between, asks the next page before writing, and holds the index throughout', async () => {
    const { api, requests } = pagedServer(25);
    const log: string[] = [];
    const written: string[][] = [];
    const events = {
      count: () => ({ exec: async () => 0 }),
      async bulkInsert(docs: { id: string }[]) {
        log.push(`write ${docs.length} (requests so far ${requests.length})`);
        written.push(docs.map((d) => d.id));
        return { error: [] };
      },
    } as unknown as EventsCollection;
    const index = { hold: async () => void log.push('hold'), release: async () => void log.push('release') };
    const upTo = await runBootstrap({ api, events, meta: memoryMeta(), now: () => 0, pageSize: 10, sliceSize: 4, index });
    expect(upTo).toBe(42);
    // 25 complaints in pages of 10 (10, 10, 5), each written 4 complaints (8 events) at a time; the rejected event with the first slice.
    expect(written.map((w) => w.length)).toEqual([9, 8, 4, 8, 8, 4, 8, 2]);
    expect(new Set(written.flat()).size).toBe(25 * 2 + 1);
    // The second page was asked before the first one's first slice was written.
    expect(log[1]).toBe('write 9 (requests so far 2)');
    expect(log[0]).toBe('hold');
    expect(log.at(-1)).toBe('release');
  });

  it('releases the index when a write fails, so the memory it holds is stored', async () => {
    const { api } = pagedServer(5);
    const log: string[] = [];
    const events = {
      count: () => ({ exec: async () => 0 }),
      bulkInsert: async () => ({ error: [{ status: 500 }] }),
    } as unknown as EventsCollection;
    const index = { hold: async () => void log.push('hold'), release: async () => void log.push('release') };
    await expect(runBootstrap({ api, events, meta: memoryMeta(), now: () => 0, index })).rejects.toThrow(/not stored/);
    expect(log).toEqual(['hold', 'release']);
  });

  it('asks a page again after a dropped link instead of giving up the first sync, and gives up on a refusal', async () => {
    const events = () => {
      const ids: string[] = [];
      const collection = {
        count: () => ({ exec: async () => 0 }),
        async bulkInsert(docs: { id: string }[]) {
          ids.push(...docs.map((d) => d.id));
          return { error: [] };
        },
      } as unknown as EventsCollection;
      return { collection, ids };
    };
    // The link drops twice on the second page's request.
    const { api } = pagedServer(25);
    let failures = 0;
    const flaky = {
      json: <T>(method: 'GET' | 'POST', path: string): Promise<T> =>
        path.includes('after=c009') && failures++ < 2 ? Promise.reject(new NetworkError('fetch failed')) : api.json<T>(method, path),
    } as unknown as Api;
    const written = events();
    const upTo = await runBootstrap({ api: flaky, events: written.collection, meta: memoryMeta(), now: () => 0, pageSize: 10, retryDelaysMs: [1, 1, 1] });
    expect(upTo).toBe(42);
    expect(failures).toBe(3);
    expect(new Set(written.ids).size).toBe(25 * 2 + 1);

    const refusing = { json: () => Promise.reject(new ApiError(404, 'not_found', 'no bootstrap here')) } as unknown as Api;
    let asked = 0;
    const counting = { json: <T>(m: 'GET' | 'POST', p: string) => (asked++, refusing.json<T>(m, p)) } as unknown as Api;
    await expect(runBootstrap({ api: counting, events: events().collection, meta: memoryMeta(), now: () => 0, retryDelaysMs: [1, 1, 1] })).rejects.toMatchObject({ status: 404 });
    expect(asked).toBe(1);
  });
});
