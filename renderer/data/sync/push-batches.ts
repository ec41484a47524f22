/**
 * Splits push rows so no request exceeds the server's body limit (1 MiB) or
 * row limit (500): one long Chinese description alone is ~30 KB.
 */
export function splitBySize<T>(rows: T[], maxBytes: number, maxRows: number): T[][] {
  const encoder = new TextEncoder();
  const out: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const row of rows) {
    const bytes = encoder.encode(JSON.stringify(row)).length + 1;
    if (current.length > 0 && (size + bytes > maxBytes || current.length >= maxRows)) {
      out.push(current);
      current = [];
      size = 2;
    }
    current.push(row);
    size += bytes;
  }
  if (current.length) out.push(current);
  return out;
}
