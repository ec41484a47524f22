/**
 * The keys a replica is protected with, all derived with HKDF-SHA256 from one
 * 256-bit data key (per workstation, held by the OS; see docs/desktop.md):
 * - `cipher`: AES-256-GCM for the sealed fields, non-extractable;
 * - `blind`: the HMAC-SHA256 key of the search index's tokens and the phone
 *   lookup key. Its bytes are in memory because the index hashes thousands
 *   of tokens synchronously while it folds (WebCrypto is asynchronous only);
 *   they are derived, never stored, and do not reveal the cipher key.
 */
export interface DataKeys {
  cipher: CryptoKey;
  blind: Uint8Array;
}

const SALT = new TextEncoder().encode('hotline-desk replica at rest');
const info = (what: string) => new TextEncoder().encode(`hotline-desk ${what} v1`);

/** The raw data key as a non-extractable HKDF key: the bytes are not kept. */
export function importDataKey(raw: Uint8Array): Promise<CryptoKey> {
  if (raw.length !== 32) throw new Error('a data key is 32 bytes');
  return crypto.subtle.importKey('raw', raw as BufferSource, 'HKDF', false, ['deriveKey', 'deriveBits']);
}

/** A new random data key, imported at once (the browser build keeps this CryptoKey in IndexedDB). */
export function generateDataKey(): Promise<CryptoKey> {
  return importDataKey(crypto.getRandomValues(new Uint8Array(32)));
}

export async function deriveDataKeys(dataKey: CryptoKey): Promise<DataKeys> {
  const hkdf = (what: string) => ({ name: 'HKDF', hash: 'SHA-256', salt: SALT, info: info(what) });
  const cipher = await crypto.subtle.deriveKey(hkdf('field encryption'), dataKey, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const blind = new Uint8Array(await crypto.subtle.deriveBits(hkdf('blind index'), dataKey, 256));
  return { cipher, blind };
}
