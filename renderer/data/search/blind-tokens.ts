import { hmacSha256 } from '../crypto/hmac-sha256';

const encoder = new TextEncoder();
const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** The first `chars` base64url characters of `bytes` (6 bits each). */
function base64url(bytes: Uint8Array, chars: number): string {
  let out = '';
  for (let i = 0, bits = 0, acc = 0; out.length < chars; i++) {
    acc = (acc << 8) | bytes[i]!;
    bits += 8;
    while (bits >= 6 && out.length < chars) {
      bits -= 6;
      out += B64URL[(acc >> bits) & 63];
    }
    acc &= (1 << bits) - 1;
  }
  return out;
}

/** Remembered tokens before the memo starts over: common Chinese bigrams recur across thousands of complaints. */
const MEMO_LIMIT = 200_000;

/**
 * Keyed tokens: HMAC-SHA256 (the blind key, derived from the data key apart
 * from the cipher key) of a field tag and a piece of text, truncated to
 * `chars` base64url characters. Equal input gives equal tokens, so lookups
 * work; without the key nobody can compute a token for a guessed name or
 * number to test it against the stored ones.
 */
export function blindTokens(key: Uint8Array, chars: number): (tag: string, text: string) => string {
  const mac = hmacSha256(key);
  let memo = new Map<string, string>();
  return (tag, text) => {
    const input = `${tag}\u0000${text}`;
    let token = memo.get(input);
    if (token === undefined) {
      token = base64url(mac(encoder.encode(input)), chars);
      if (memo.size >= MEMO_LIMIT) memo = new Map();
      memo.set(input, token);
    }
    return token;
  };
}

/** What the complaints' indexed phone key holds for a phone's digits (the repeat check looks it up). */
export interface PhoneKey {
  /** Changes when the key does: stored keys made under another one are recomputed (projector.ts). */
  id: string;
  of(digits: string): string;
}

/** The digits themselves, where there is no data key. */
export const clearPhoneKey: PhoneKey = { id: 'clear', of: (digits) => digits };

/** A keyed hash of the digits (96 bits): found by the exact number, readable by nobody. */
export function keyedPhoneKey(key: Uint8Array): PhoneKey {
  const token = blindTokens(key, 16);
  return { id: `keyed:${token('key-id', 'phone')}`, of: (digits) => (digits ? `h${token('phone', digits)}` : '') };
}
