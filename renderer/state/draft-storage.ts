import type { PersistStorage, StorageValue } from 'zustand/middleware';
import { isSealed, seal, unseal } from '../data/crypto/envelope';

/** The envelope functions, passed in so a test can make an earlier seal finish after a later one. */
export interface DraftSealer {
  seal(key: CryptoKey, value: unknown): Promise<string>;
  unseal(key: CryptoKey, envelope: string): Promise<unknown>;
}

/**
 * Where the intake drafts persist: one localStorage item, sealed as one
 * envelope (envelope.ts) under the replica's cipher key when the workstation
 * has one, in clear JSON when it has none (the replica is clear then too).
 */
export interface DraftStorage<S> extends PersistStorage<S> {
  /**
   * The key from now on: null keeps drafts in the clear. Until it is called
   * nothing is read or written, so nothing written before the key is known
   * can replace the stored drafts.
   */
  useKey(cipher: CryptoKey | null): void;
  /** Whether useKey was called. */
  keyed(): boolean;
}

type Mode = { kind: 'unset' } | { kind: 'clear' } | { kind: 'sealed'; key: CryptoKey };

export function draftStorage<S>(backing: () => Storage, sealer: DraftSealer = { seal, unseal }): DraftStorage<S> {
  let mode: Mode = { kind: 'unset' };
  /**
   * Bumped by every write and removal. Sealing is asynchronous: a write whose
   * generation is no longer the latest when its envelope is ready is dropped,
   * so an earlier keystroke finishing late never replaces a later one (each
   * write carries every draft, so the latest one loses nothing).
   */
  let generation = 0;
  /**
   * A stored value this workstation cannot open (sealed, and no key or
   * another key): it is kept as it is rather than replaced, until a removal
   * (sign-out) takes it. Drafts then live in memory only.
   */
  let unopenable = false;

  return {
    useKey(cipher) {
      mode = cipher ? { kind: 'sealed', key: cipher } : { kind: 'clear' };
    },
    keyed: () => mode.kind !== 'unset',

    async getItem(name) {
      if (mode.kind === 'unset') return null;
      const asked = generation;
      const raw = backing().getItem(name);
      if (raw === null) return null;
      let value: unknown;
      if (isSealed(raw)) {
        if (mode.kind !== 'sealed') {
          unopenable = true;
          return null;
        }
        try {
          value = await sealer.unseal(mode.key, raw);
        } catch (error) {
          unopenable = true;
          console.error('intake drafts sealed with another key are kept, not opened', error);
          return null;
        }
      } else {
        // Clear JSON: a workstation without a key, or a build from before drafts were sealed (written sealed next).
        try {
          value = JSON.parse(raw) as unknown;
        } catch {
          return null;
        }
      }
      // Removed (sign-out) while it was being opened: what was read is gone.
      if (asked !== generation) return null;
      return value as StorageValue<S>;
    },

    setItem(name, value) {
      const mine = ++generation;
      if (mode.kind === 'unset' || unopenable) return;
      if (mode.kind === 'clear') {
        backing().setItem(name, JSON.stringify(value));
        return;
      }
      return sealer.seal(mode.key, value).then(
        (envelope) => {
          if (mine === generation) backing().setItem(name, envelope);
        },
        (error: unknown) => console.error('an intake draft could not be sealed; the next change writes it again', error),
      );
    },

    removeItem(name) {
      ++generation;
      unopenable = false;
      backing().removeItem(name);
    },
  };
}
