import type { SecretStorageKind } from '../shared/platform/bridge';
import { secretNameSchema, secretValueSchema } from '../shared/platform/ipc-args';
import type { JsonFile } from './json-file';

/** The OS keychain-backed cipher (Electron's safeStorage), passed in so this module runs without Electron. */
export interface SecretCipher {
  /** False when the OS offers no real keychain; only valid once the app is ready. */
  isAvailable(): boolean;
  encrypt(plainText: string): Uint8Array;
  decrypt(cipherText: Uint8Array): string;
}

export interface SecretStore {
  get(name: string): Promise<string | null>;
  set(name: string, value: string): Promise<void>;
  delete(name: string): Promise<void>;
  kind(): SecretStorageKind;
}

interface SecretsDocument {
  version: 1;
  /** name → base64 of the ciphertext; plaintext never touches the disk. */
  secrets: Record<string, string>;
}

/**
 * Secrets (the sync token) encrypted with the OS
 * keychain and kept in a file in the user's data folder. Without a keychain
 * they live in memory for this run only: the user signs in again next time,
 * which beats writing a token to disk in the clear.
 */
export function createSecretStore(file: JsonFile, cipher: SecretCipher): SecretStore {
  const memory = new Map<string, string>();
  let persistent: boolean | undefined;
  // Serialises read-modify-write cycles so concurrent calls cannot lose an update.
  let queue: Promise<unknown> = Promise.resolve();

  const isPersistent = (): boolean => {
    persistent ??= cipher.isAvailable();
    return persistent;
  };

  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  };

  const load = async (): Promise<SecretsDocument> => {
    const raw = await file.read();
    const secrets: Record<string, string> = {};
    if (typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version === 1) {
      const stored = (raw as { secrets?: unknown }).secrets;
      if (typeof stored === 'object' && stored !== null) {
        for (const [name, value] of Object.entries(stored)) {
          if (secretNameSchema.safeParse(name).success && typeof value === 'string') secrets[name] = value;
        }
      }
    }
    return { version: 1, secrets };
  };

  const checkName = (name: string): string => {
    const parsed = secretNameSchema.safeParse(name);
    if (!parsed.success) throw new Error('invalid secret name');
    return parsed.data;
  };

  return {
    kind: () => (isPersistent() ? 'encrypted-disk' : 'memory'),

    get: (rawName) =>
      serial(async () => {
        const name = checkName(rawName);
        if (!isPersistent()) return memory.get(name) ?? null;
        const encoded = (await load()).secrets[name];
        if (encoded === undefined) return null;
        try {
          return cipher.decrypt(Buffer.from(encoded, 'base64'));
        } catch {
          // Encrypted under another OS account or a reset keychain: as good as absent.
          return null;
        }
      }),

    set: (rawName, rawValue) =>
      serial(async () => {
        const name = checkName(rawName);
        const value = secretValueSchema.safeParse(rawValue);
        if (!value.success) throw new Error('invalid secret value');
        if (!isPersistent()) {
          memory.set(name, value.data);
          return;
        }
        const document = await load();
        document.secrets[name] = Buffer.from(cipher.encrypt(value.data)).toString('base64');
        await file.write(document);
      }),

    delete: (rawName) =>
      serial(async () => {
        const name = checkName(rawName);
        memory.delete(name);
        if (!isPersistent()) return;
        const document = await load();
        if (!(name in document.secrets)) return;
        delete document.secrets[name];
        await file.write(document);
      }),
  };
}
