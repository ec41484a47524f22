/**
 * FNV-1a, 128-bit, over the UTF-8 bytes of a string. Not cryptographic: it
 * makes stable, well-spread ids from names, the same on every replica, with
 * no platform crypto needed.
 */
const OFFSET_BASIS = 0x6c62272e07bb014262b821756295c58dn;
const PRIME = 0x0000000001000000000000000000013bn;
const MASK = (1n << 128n) - 1n;

export function fnv1a128Hex(text: string): string {
  let hash = OFFSET_BASIS;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * PRIME) & MASK;
  }
  return hash.toString(16).padStart(32, '0');
}
