/** A JSON object: not null, not an array (the shape every parsed document, payload and patch is checked for). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
