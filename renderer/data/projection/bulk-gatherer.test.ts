import { afterEach, describe, expect, it, vi } from 'vitest';
import { BulkGatherer } from './bulk-gatherer';

const page = (from: number, size: number) => Array.from({ length: size }, (_, i) => from + i);

/** Starts a take and shows what it gave once it has resolved. */
function taking(g: BulkGatherer<number>) {
  const got: { taken?: { items: number[]; checkpoint: unknown } } = {};
  void g.take().then((t) => (got.taken = t));
  return got;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BulkGatherer', () => {
  it('asks for one pass until the gathered bulks are taken', async () => {
    const g = new BulkGatherer<number>();
    expect(g.add([1], 'a')).toBe(true);
    expect(g.add([2, 3], 'b')).toBe(false);
    expect(await g.take()).toEqual({ items: [1, 2, 3], checkpoint: 'b' });
    expect(g.add([4], 'c')).toBe(true);
  });

  it('holds a full page back for the pages after it, up to the short last one', async () => {
    vi.useFakeTimers();
    const g = new BulkGatherer<number>();
    g.add(page(0, 200), 1);
    const got = taking(g);
    await vi.advanceTimersByTimeAsync(50);
    g.add(page(200, 200), 2);
    await vi.advanceTimersByTimeAsync(50);
    expect(got.taken).toBeUndefined();
    g.add(page(400, 30), 3);
    await vi.advanceTimersByTimeAsync(0);
    expect(got.taken).toEqual({ items: page(0, 430), checkpoint: 3 });
  });

  it('stops holding when the pull pauses', async () => {
    vi.useFakeTimers();
    const g = new BulkGatherer<number>();
    g.add(page(0, 200), 1);
    const got = taking(g);
    await vi.advanceTimersByTimeAsync(249);
    expect(got.taken).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(got.taken?.items).toHaveLength(200);
  });

  it('does not hold a live write back', async () => {
    vi.useFakeTimers();
    const g = new BulkGatherer<number>();
    g.add([1], 1);
    const got = taking(g);
    await vi.advanceTimersByTimeAsync(0);
    expect(got.taken?.items).toEqual([1]);
  });

  it('holds nothing back while someone waits for the projection', async () => {
    vi.useFakeTimers();
    const g = new BulkGatherer<number>();
    g.add(page(0, 200), 1);
    const got = taking(g);
    await vi.advanceTimersByTimeAsync(10);
    expect(got.taken).toBeUndefined();
    let release: () => void = () => undefined;
    const waited = g.urgently(() => new Promise<void>((r) => (release = r)));
    await vi.advanceTimersByTimeAsync(0);
    expect(got.taken?.items).toHaveLength(200);
    // Nor a page that arrives while the wait lasts.
    g.add(page(200, 200), 2);
    const next = taking(g);
    await vi.advanceTimersByTimeAsync(0);
    expect(next.taken?.items).toHaveLength(200);
    release();
    await waited;
  });
});
