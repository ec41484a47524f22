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
