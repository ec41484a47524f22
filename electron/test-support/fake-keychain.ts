import type { JsonFile } from '../json-file';
import type { SecretCipher } from '../secret-store';

/** A JSON file in memory that counts its writes. */
export function memoryFile(initial?: unknown): JsonFile & { content: () => string | undefined; writes: () => number } {
  let text = initial === undefined ? undefined : JSON.stringify(initial);
  let writes = 0;
  return {
    async read() {
      return text === undefined ? undefined : (JSON.parse(text) as unknown);
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
