/**
 * The pages of `size` rows the grid keeps loaded (each by its first row's
 * index) while rows `first` … `last` are on screen: those pages, and one
 * page beyond each end, so a scroll finds the rows it reaches already read
 * instead of showing placeholders while their page loads. Never beyond
 * `count` rows once the count is known (null before the first answer).
 */
export function pagesToRead(first: number, last: number, count: number | null, size: number): number[] {
  const from = Math.max(0, Math.floor(first / size) - 1);
  const to = Math.floor(last / size) + 1;
  const out: number[] = [];
  for (let p = from; p <= to; p++) {
    const skip = p * size;
    if (skip === 0 || (count !== null && skip < count)) out.push(skip);
  }
  return out;
}

/** How one page is read: from the start (`skip` rows), or after a row already read (`after`, then `afterSkip` rows). */
export interface PageRead<C> {
  skip: number;
  after?: C;
  afterSkip?: number;
}

/**
 * How to read `pages` (pagesToRead's, in order) given each loaded page's last
 * row (`lasts`, by the page's first index). A page whose page before is read
 * goes on from its last row (keyset: one short read wherever it is). A page
 * whose page before is in the list but not read yet waits for it, instead of
 * reading by position: those reads grow with the position and, started for
 * every page a fast scroll passed, starved the chain of short ones. The
 * list's first page, when the page before it is not read (the rows on screen
 * jumped ahead), goes on from the nearest row read before it, else from the
 * start.
 */
export function pageReads<C>(pages: readonly number[], lasts: ReadonlyMap<number, C>, size: number): PageRead<C>[] {
  const out: PageRead<C>[] = [];
  pages.forEach((skip, i) => {
    const before = lasts.get(skip - size);
    if (skip === 0) out.push({ skip });
    else if (before !== undefined) out.push({ skip, after: before });
    else if (i > 0 && pages[i - 1] === skip - size) return;
    else {
      let nearest = -1;
      for (const k of lasts.keys()) if (k < skip - size && k > nearest) nearest = k;
      out.push(nearest < 0 ? { skip } : { skip, after: lasts.get(nearest) as C, afterSkip: skip - nearest - size });
    }
  });
  return out;
}
