/**
 * Large texts (stored documents, projections) travel as parameters of their
 * own rather than inside a JSON parameter: the driver writes them as they
 * are, where inside JSON this process would escape them and the database
 * would parse and unescape them again, which cost more than the inserts.
 * A statement picks row `r.n` (1-based) with `(${textArray(k, count)})[r.n]`.
 */
export function textArray(first: number, count: number): string {
  const slots: string[] = [];
  for (let i = 0; i < count; i++) slots.push(`$${first + i}`);
  return `array[${slots.join(',')}]::text[]`;
}
