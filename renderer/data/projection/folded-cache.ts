import type { ComplaintProjection } from '../../../shared/fold/projection';

/**
 * The full fold result (with its event list) behind each complaint document
 * the projector wrote, keyed by the revision RxDB gave that write. The stored
 * document keeps no event list, so without this every pulled batch touching a
 * complaint reads all its earlier events back from the collection; a pulled
 * history arrives spread over many batches, so that read dominated. An entry
 * is only used while the stored revision is still the one written, so a write
 * from anywhere else falls back to the read. Bounded by the events held, least
 * recently used first out.
 */
export class FoldedCache {
  private readonly entries = new Map<string, { revision: string; p: ComplaintProjection }>();
  private events = 0;

  constructor(readonly maxEvents: number) {}

  /** The projection last written as `revision`, or undefined. */
  get(id: string, revision: string): ComplaintProjection | undefined {
    const hit = this.entries.get(id);
    if (!hit || hit.revision !== revision) return undefined;
    // Re-inserted so the Map's order stays least recently used first.
    this.entries.delete(id);
    this.entries.set(id, hit);
    return hit.p;
  }

  set(id: string, revision: string, p: ComplaintProjection): void {
    this.delete(id);
    if (p.events.length > this.maxEvents) return;
    this.entries.set(id, { revision, p });
    this.events += p.events.length;
    for (const [oldest, entry] of this.entries) {
      if (this.events <= this.maxEvents) break;
      this.entries.delete(oldest);
      this.events -= entry.p.events.length;
    }
  }

  delete(id: string): void {
    const known = this.entries.get(id);
    if (!known) return;
    this.entries.delete(id);
    this.events -= known.p.events.length;
  }

  get size(): number {
    return this.entries.size;
  }
}
