import { canonicalJson } from '../../shared/json/canonical-json';

/** The first path where two JSON values differ, for a readable failure. */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (canonicalJson(a) === canonicalJson(b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of [...keys].sort()) {
      const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}.${k}`);
      if (d) return d;
    }
  }
  return `${path}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}
