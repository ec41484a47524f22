/** A bulk this large is a pulled page (a live write is one event or a handful). */
const PULLED_PAGE = 100;
/** Longest pause between pulled pages still taken as one pull. */
const PAGE_GAP_MS = 250;
/** Bounds on holding pulled pages back, so the queue still fills in steps during a long first sync. */
const HOLD_MAX_MS = 2000;
const HOLD_MAX_ITEMS = 20_000;

/**
 * Collects the change bulks that arrive while the projector is busy, so one
 * pass takes them all. While a pull is under way it also holds the pages back
 * until the pull pauses, ends (a page shorter than the one before) or a bound
 * is reached: a history pulled page by page is then folded and each complaint
 * written once, rather than once per page (RxDB rewriting a complaint
 * document costs more than folding it).
 */
export class BulkGatherer<T> {
  private items: T[] = [];
  private checkpoint: unknown = null;
  private lastBulkSize = 0;
  private scheduled = false;
  private onBulk: (() => void) | null = null;
  /** Callers waiting for the projection (see urgently); while any waits, nothing is held back. */
  private waiting = 0;
  private cutWait: (() => void) | null = null;

  /**
   * Runs `wait` (the projector's idle) with holding off: someone needs the
   * projection now, so a page being held is taken at once. A first sync
   * writes whole complaints a bulk and waits for each to be folded; held
   * for a next page that cannot come while it waits, every bulk cost the
   * whole page gap.
   */
  async urgently<R>(wait: () => Promise<R>): Promise<R> {
    this.waiting += 1;
    this.cutWait?.();
    try {
      return await wait();
    } finally {
      this.waiting -= 1;
    }
  }

  /** Adds a bulk; true when no pass is scheduled yet for it (the caller schedules one). */
  add(items: readonly T[], checkpoint: unknown): boolean {
    for (const item of items) this.items.push(item);
    this.checkpoint = checkpoint;
    this.lastBulkSize = items.length;
    this.onBulk?.();
    if (this.scheduled) return false;
    this.scheduled = true;
    return true;
  }

  /** Everything gathered and the newest checkpoint, after waiting out a pull under way. */
  async take(): Promise<{ items: T[]; checkpoint: unknown }> {
    if (this.lastBulkSize >= PULLED_PAGE && this.waiting === 0) await this.whilePagesArrive();
    const taken = { items: this.items, checkpoint: this.checkpoint };
    this.items = [];
    this.scheduled = false;
    return taken;
  }

  private async whilePagesArrive(): Promise<void> {
    const until = performance.now() + HOLD_MAX_MS;
    let page = this.lastBulkSize;
    while (this.items.length < HOLD_MAX_ITEMS && performance.now() < until && this.waiting === 0) {
      // A pause or a short page ends the pull: only its last page is not filled.
      if (!(await this.nextBulk()) || this.lastBulkSize < page) return;
      page = this.lastBulkSize;
    }
  }

  /** True when another bulk arrives within the page gap. */
  private nextBulk(): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (more: boolean) => {
        clearTimeout(timer);
        this.onBulk = null;
        this.cutWait = null;
        resolve(more);
      };
      const timer = setTimeout(() => done(false), PAGE_GAP_MS);
      this.onBulk = () => done(true);
      this.cutWait = () => done(false);
    });
  }
}
