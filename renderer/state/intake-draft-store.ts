import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { emptyDraft, type IntakeDraft } from './intake-draft';

/**
 * Intake drafts per user, written to localStorage on every keystroke so a
 * crash or restart mid-call loses nothing. Cleared when the call is done.
 */
interface DraftState {
  drafts: Record<string, IntakeDraft>;
  update(userId: string, change: (draft: IntakeDraft) => IntakeDraft): void;
  clear(userId: string): void;
  /** Sign-out: every draft goes, from memory and from localStorage (they hold callers' details). */
  clearAll(): void;
}

export const DRAFT_STORAGE_KEY = 'hotlineDesk.intakeDrafts';

export const useDraftStore = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      update: (userId, change) =>
        set((s) => ({ drafts: { ...s.drafts, [userId]: change(s.drafts[userId] ?? emptyDraft()) } })),
      clear: (userId) =>
        set((s) => {
          const { [userId]: _gone, ...rest } = s.drafts;
          return { drafts: rest };
        }),
      clearAll: () => {
        set({ drafts: {} });
        useDraftStore.persist.clearStorage();
      },
    }),
    {
      name: DRAFT_STORAGE_KEY,
      storage: createJSONStorage(() => localStorage),
      version: 1,
      // A draft written by an older build keeps its fields and gains the new ones.
      merge: (persisted, current) => {
        const p = (persisted ?? {}) as Partial<DraftState>;
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
