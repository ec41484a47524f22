/**
 * A verifier that lets a user who signed in online on this workstation sign
 * in again while the server is unreachable. PBKDF2-SHA-256 with a random salt
 * and many iterations; the password itself is never stored.
 */
export interface PasswordVerifier {
  alg: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 of 32 derived bytes */
  hash: string;
}

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const DEFAULT_ITERATIONS = 600_000;

const encoder = new TextEncoder();

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i += 1) out[i] = s.charCodeAt(i);
  return out;
}

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

/** The username is mixed in so one verifier cannot be replayed for another account. */
function secretInput(username: string, password: string): string {
  return `${username.trim().toLowerCase()}\u0000${password}`;
}

export async function createVerifier(username: string, password: string, iterations = DEFAULT_ITERATIONS): Promise<PasswordVerifier> {
  const salt = new Uint8Array(16);
  crypto.getRandomValues(salt);
  const hash = await derive(secretInput(username, password), salt, iterations);
  return { alg: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

export async function checkVerifier(verifier: PasswordVerifier, username: string, password: string): Promise<boolean> {
  if (verifier.alg !== 'PBKDF2-SHA-256' || !Number.isInteger(verifier.iterations) || verifier.iterations < 1) return false;
  const got = await derive(secretInput(username, password), fromBase64(verifier.salt), verifier.iterations);
  const want = fromBase64(verifier.hash);
  if (got.length !== want.length) return false;
  // Constant time: the comparison must not reveal how many bytes matched.
  let diff = 0;
  for (let i = 0; i < got.length; i += 1) diff |= (got[i] ?? 0) ^ (want[i] ?? 0);
  return diff === 0;
}
