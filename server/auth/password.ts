import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function optionsFor(cost: number): ScryptOptions {
  // r=8 → 1 KiB per unit of N; leave headroom over the 128·N·r the KDF needs.
  return { N: cost, r: 8, p: 1, maxmem: 256 * cost * 8 + 1024 * 1024 };
}

/** `scrypt$N$r$p$salt$hash` (base64url): parameters travel with the hash so costs can rise later. */
export async function hashPassword(password: string, cost: number): Promise<string> {
  if (!Number.isInteger(Math.log2(cost)) || cost < 2) throw new RangeError('scrypt cost must be a power of two');
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, optionsFor(cost));
  return ['scrypt', cost, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltText, keyText] = parts as [string, string, string, string, string, string];
  const cost = Number(n);
  const expected = Buffer.from(keyText, 'base64url');
  const key = await scrypt(password, Buffer.from(saltText, 'base64url'), {
    ...optionsFor(cost),
    r: Number(r),
    p: Number(p),
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as a real check, so an unknown username is not told
 * apart from a wrong password by the time the answer takes.
 */
export async function burnPasswordCheck(password: string, cost: number): Promise<void> {
  dummyHash ??= hashPassword('not a password', cost);
  await verifyPassword(password, await dummyHash);
}

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;
