import type { DataKeyAnswer } from '../shared/platform/bridge';
import type { JsonFileOnDisk } from './json-file';
import type { SecretCipher } from './secret-store';

/** The replica's data key, one per workstation (per OS account's user data folder). */
export interface DataKeySource {
  get(): Promise<DataKeyAnswer>;
}

interface DataKeyDocument {
  version: 1;
  /** base64 of the OS keychain's ciphertext of the key's base64; the key itself never touches the disk. */
  wrapped: string;
}

const KEY_BYTES = 32;
const KEY_BASE64 = /^[A-Za-z0-9+/]{43}=$/;

/**
 * Made once, at the first start with a keychain: 256 random bits, wrapped
 * with the OS keychain (safeStorage, as the sync token) and kept in a file in
 * the user data folder. One key per workstation rather than per user: every
 * user of the workstation runs under the same OS account, whose keychain is
 * what protects the key either way, and the key must be there before anyone
 * signs in (a restored session opens its replica without a password).
 * Without a keychain there is no key and nothing is encrypted. A key that
 * is stored but does not unwrap any more (the keychain was reset, another OS
 * account, the keychain is gone while the file stays, the file is torn or
 * edited) is reported as 'unreadable' and never replaced: replacing it would
 * make every sealed value unreadable for good, even once the keychain is
 * back. Only a missing file makes a new key.
 */
export function createDataKeySource(file: JsonFileOnDisk, cipher: SecretCipher, randomBytes: (size: number) => Uint8Array): DataKeySource {
  let answer: Promise<DataKeyAnswer> | null = null;

  async function load(): Promise<DataKeyAnswer> {
    const stored = await file.read();
    // read() answers undefined for a file it cannot parse too: only a file that is not there at all is "no key yet".
    const present = stored !== undefined || (await file.exists());
    if (!cipher.isAvailable()) return { kind: 'none', reason: present ? 'unreadable' : 'no-keychain' };
    if (typeof stored === 'object' && stored !== null && typeof (stored as { wrapped?: unknown }).wrapped === 'string') {
      try {
        const key = cipher.decrypt(Buffer.from((stored as DataKeyDocument).wrapped, 'base64'));
        return KEY_BASE64.test(key) ? { kind: 'os-keychain', key } : { kind: 'none', reason: 'unreadable' };
      } catch {
        return { kind: 'none', reason: 'unreadable' };
      }
    }
    if (present) return { kind: 'none', reason: 'unreadable' };
    const key = Buffer.from(randomBytes(KEY_BYTES)).toString('base64');
    const document: DataKeyDocument = { version: 1, wrapped: Buffer.from(cipher.encrypt(key)).toString('base64') };
    await file.write(document);
    return { kind: 'os-keychain', key };
  }

  return {
    // One answer per run: concurrent first calls must not make two keys.
    get: () => {
      answer ??= load().catch((error: unknown) => {
        answer = null;
        throw error;
      });
      return answer;
    },
  };
}
