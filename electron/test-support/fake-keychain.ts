import type { JsonFileOnDisk } from '../json-file';
import type { SecretCipher } from '../secret-store';

/** A JSON file in memory that counts its writes; `text` stands for a file whose content is not JSON (torn, hand-edited). */
export function memoryFile(initial?: unknown, text: string | undefined = initial === undefined ? undefined : JSON.stringify(initial)): JsonFileOnDisk & { content: () => string | undefined; writes: () => number } {
  let writes = 0;
  return {
    async read() {
      if (text === undefined) return undefined;
      try {
        return JSON.parse(text) as unknown;
      } catch {
        return undefined;
      }
    },
    async exists() {
      return text !== undefined;
    },
    async write(value) {
      writes += 1;
      text = JSON.stringify(value);
    },
    content: () => text,
    writes: () => writes,
  };
}

/** A reversible stand-in for safeStorage whose output does not contain the plaintext. */
export function fakeCipher(available = true, key = 0x5a): SecretCipher & { availabilityChecks: () => number } {
  let checks = 0;
  return {
    isAvailable: () => {
      checks += 1;
      return available;
    },
    encrypt: (plain) => Uint8Array.from(Buffer.from(`v10${plain}`, 'utf8'), (b) => b ^ key),
    decrypt: (bytes) => {
      const text = Buffer.from(Uint8Array.from(bytes, (b) => b ^ key)).toString('utf8');
      if (!text.startsWith('v10')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text.slice(3);
    },
    availabilityChecks: () => checks,
  };
}
