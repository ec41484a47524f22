import { fromBase64, toBase64 } from './base64';

/**
 * A sealed value at rest: `hd1.<iv>.<ciphertext>` (base64), AES-256-GCM with
 * a fresh random 96-bit IV per value over the value's JSON. The prefix names
 * the format version, so a later format can be told apart from this one and
 * from a clear value (which is never a string starting with it: the sealed
 * fields hold objects).
 */
export const ENVELOPE_PREFIX = 'hd1.';
const IV_BYTES = 12;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function isSealed(value: unknown): value is string {
  return typeof value === 'string' && value.startsWith(ENVELOPE_PREFIX);
}

export async function seal(key: CryptoKey, value: unknown): Promise<string> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plain = encoder.encode(JSON.stringify(value));
  const cipher = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain));
  return `${ENVELOPE_PREFIX}${toBase64(iv)}.${toBase64(cipher)}`;
}

/** The value sealed in `envelope`; throws when it was sealed with another key or altered. */
export async function unseal(key: CryptoKey, envelope: string): Promise<unknown> {
  const [iv, cipher] = envelope.slice(ENVELOPE_PREFIX.length).split('.');
  if (!iv || !cipher) throw new Error('malformed sealed value');
  const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) as BufferSource }, key, fromBase64(cipher) as BufferSource);
  return JSON.parse(decoder.decode(plain)) as unknown;
}
