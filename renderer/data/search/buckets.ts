/** How many documents the persisted search index is spread over (see search-schema.ts). */
export const BUCKETS = 256;

/** The bucket of a complaint: FNV-1a of its id, so a complaint always lands in the same one. */
export function bucketOf(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

/** The bucket document's id: 'b' and the bucket number in hex (parsed back on load). */
export function bucketId(bucket: number): string {
  return `b${bucket.toString(16).padStart(2, '0')}`;
}
