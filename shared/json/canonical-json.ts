import { isPlainObject } from './is-plain-object';

/**
 * JSON with object keys sorted and undefined fields left out, so equal
 * content gives equal text whatever key order a client serialised: the fold
 * picks between copies of one id by it, the server compares a repeated push
 * with what it stored, the chaos checks compare replicas. Recursive: only
 * for documents whose depth has been bounded.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
