/**
 * Every order of a status list. RxDB caches a query by its exact selector, so
 * the same queue page asked with its statuses in another order is answered
 * from IndexedDB again rather than from memory: the benchmark's way to ask
 * the first page many times, each time cold.
 */
export function statusOrders<T>(statuses: readonly T[]): T[][] {
  if (statuses.length <= 1) return [[...statuses]];
  return statuses.flatMap((s, i) => statusOrders([...statuses.slice(0, i), ...statuses.slice(i + 1)]).map((rest) => [s, ...rest]));
}
