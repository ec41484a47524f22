import { describe, expect, it, vi } from 'vitest';

// The drafts persist to localStorage; Node has none, so a plain one stands in (before the store's import).
vi.hoisted(() => {
  const items = new Map<string, string>();
  globalThis.localStorage = {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, String(v)),
    removeItem: (k: string) => void items.delete(k),
    clear: () => items.clear(),
    key: (i: number) => [...items.keys()][i] ?? null,
    get length() {
      return items.size;
    },
  } as Storage;
});
import { draftHasContent, emptyDraft } from './intake-draft';
import { DRAFT_STORAGE_KEY, useDraftStore } from './intake-draft-store';

describe('intake drafts', () => {
  it('keeps each user their own draft', () => {
    const { update } = useDraftStore.getState();
    update('u1', (d) => ({ ...d, customerName: '张三' }));
    update('u2', (d) => ({ ...d, customerName: 'Li Si' }));
    expect(useDraftStore.getState().drafts.u1?.customerName).toBe('张三');
    expect(useDraftStore.getState().drafts.u2?.customerName).toBe('Li Si');
  });

  it('clears one user without touching another', () => {
    useDraftStore.getState().clear('u1');
    expect(useDraftStore.getState().drafts.u1).toBeUndefined();
    expect(useDraftStore.getState().drafts.u2?.customerName).toBe('Li Si');
  });

  it('sign-out removes every draft from memory and from localStorage', () => {
    useDraftStore.getState().update('u3', (d) => ({ ...d, customerName: '王五' }));
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toContain('王五');
    useDraftStore.getState().clearAll();
    expect(useDraftStore.getState().drafts).toEqual({});
    expect(localStorage.getItem(DRAFT_STORAGE_KEY)).toBeNull();
  });

  it('tells a draft worth restoring from an empty one', () => {
    expect(draftHasContent(emptyDraft())).toBe(false);
    expect(draftHasContent({ ...emptyDraft(), description: '多扣费' })).toBe(true);
    expect(draftHasContent({ ...emptyDraft(), soothing: { ...emptyDraft().soothing, calmed: true } })).toBe(true);
    expect(draftHasContent({ ...emptyDraft(), customerName: '   ' })).toBe(false);
  });
});
