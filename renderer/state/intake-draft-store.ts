import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { AtRest } from '../data/crypto/at-rest';
import { emptyDraft, type IntakeDraft } from './intake-draft';
import { draftStorage, type DraftStorage } from './draft-storage';

/**
 * Intake drafts per user, written to localStorage on every keystroke so a
 * crash or restart mid-call loses nothing. Cleared when the call is done.
 * Sealed at rest with the replica's key (draft-storage.ts), so they are read
 * only once that key is known: until then `ready` is false, the intake form
 * waits, and changes made meanwhile (a screen pop) are applied on top of the
 * stored drafts once they are read, never in their place.
 */
export interface DraftState {
  drafts: Record<string, IntakeDraft>;
  /** The stored drafts have been read (openDrafts); before that `drafts` is empty whatever is stored. */
  ready: boolean;
  update(userId: string, change: (draft: IntakeDraft) => IntakeDraft): void;
  clear(userId: string): void;
  /** Sign-out: every draft goes, from memory and from localStorage (they hold callers' details). */
  clearAll(): void;
}

type Persisted = Pick<DraftState, 'drafts'>;
type Change = (s: DraftState) => Partial<DraftState>;

export const DRAFT_STORAGE_KEY = 'hotlineDesk.intakeDrafts';

/** A draft store over `storage`; the app has one (useDraftStore), tests make more to stand for a reload. */
export function createDraftStore(storage: DraftStorage<Persisted>) {
  const waiting: Change[] = [];
  const store = create<DraftState>()(
    persist(
      (set, get) => {
        const apply = (change: Change) => (get().ready ? set(change) : void waiting.push(change));
        return {
          drafts: {},
          ready: false,
          update: (userId, change) => apply((s) => ({ drafts: { ...s.drafts, [userId]: change(s.drafts[userId] ?? emptyDraft()) } })),
          clear: (userId) =>
            apply((s) => {
              const { [userId]: _gone, ...rest } = s.drafts;
              return { drafts: rest };
            }),
          clearAll: () => {
            waiting.length = 0;
            set({ drafts: {} });
            store.persist.clearStorage();
            // Removing the item stops a reading under way; read again (nothing now) so the form does not wait forever.
            if (!get().ready && storage.keyed()) void store.persist.rehydrate();
          },
        };
      },
      {
        name: DRAFT_STORAGE_KEY,
        storage,
        version: 1,
        skipHydration: true,
        partialize: (s): Persisted => ({ drafts: s.drafts }),
        // A draft written by an older build keeps its fields and gains the new ones.
        merge: (persisted, current) => {
          const p = (persisted ?? {}) as Partial<Persisted>;
          const drafts: Record<string, IntakeDraft> = {};
          for (const [user, d] of Object.entries(p.drafts ?? {})) {
            const blank = emptyDraft();
            drafts[user] = { ...blank, ...d, soothing: { ...blank.soothing, ...(d?.soothing ?? {}) } };
          }
          return { ...current, drafts };
        },
      },
    ),
  );
  store.persist.onFinishHydration(() => {
    store.setState({ ready: true });
    for (const change of waiting.splice(0)) store.setState(change);
  });
  let opened = false;
  return Object.assign(store, {
    /**
     * Reads the stored drafts with the workstation's key (once per run: the key
     * does not change while the app runs). A replica in the clear keeps its
     * drafts in the clear too.
     */
    open(atRest: AtRest): Promise<void> {
      if (opened) return Promise.resolve();
      opened = true;
      storage.useKey(atRest.kind === 'encrypted' ? atRest.keys.cipher : null);
      return store.persist.rehydrate();
    },
  });
}

export const useDraftStore = createDraftStore(draftStorage<Persisted>(() => localStorage));

/** Reads this app run's drafts once the workstation's key is known. */
export function openDrafts(atRest: AtRest): Promise<void> {
  return useDraftStore.open(atRest);
}
