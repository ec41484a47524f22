import { beforeAll, describe, expect, it, vi } from 'vitest';

// The drafts persist to localStorage; Node has none, so a plain one stands in (before the store's import).
await vi.hoisted(async () => {
  const { memoryWebStorage } = await import('./memory-web-storage');
  globalThis.localStorage = memoryWebStorage();
});
import { draftHasContent, emptyDraft } from './intake-draft';
import { ephemeralAtRest, type AtRest } from '../data/crypto/at-rest';
import { isSealed, unseal } from '../data/crypto/envelope';
import { draftStorage } from './draft-storage';
import { memoryWebStorage } from './memory-web-storage';
import { createDraftStore, DRAFT_STORAGE_KEY, openDrafts, useDraftStore } from './intake-draft-store';

describe('intake drafts', () => {
  // A workstation without a key: drafts are read, then written in the clear as they are typed.
  beforeAll(() => openDrafts({ kind: 'clear', reason: 'no-keychain' }));

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

describe('intake drafts sealed at rest', () => {
  const NAME = '欧阳娜娜';
  const PHONE = '13912345678';

    /** The app's store over `backing` as a fresh run of the app would make it: nothing read yet. */
  const newRun = (backing: Storage) => createDraftStore(draftStorage(() => backing));
  const storedDrafts = async (backing: Storage, atRest: AtRest) => {
    const raw = backing.getItem(DRAFT_STORAGE_KEY);
    if (raw === null) return null;
    if (atRest.kind !== 'encrypted' || !isSealed(raw)) return JSON.parse(raw) as unknown;
    return unseal(atRest.keys.cipher, raw);
  };

  it('keeps no caller name or phone in localStorage and gives the draft back after a reload', async () => {
    const backing = memoryWebStorage();
    const atRest = await ephemeralAtRest();
    const run1 = newRun(backing);
    await run1.open(atRest);
    run1.getState().update('u1', (d) => ({ ...d, customerName: NAME, phone: PHONE, description: '宽带断网三天' }));
    await vi.waitFor(async () => expect(await storedDrafts(backing, atRest)).toMatchObject({ state: { drafts: { u1: { customerName: NAME } } } }));
    const raw = backing.getItem(DRAFT_STORAGE_KEY)!;
    expect(isSealed(raw)).toBe(true);
    for (const clear of [NAME, '欧阳', PHONE, '12345678', '宽带']) expect(raw).not.toContain(clear);

    const run2 = newRun(backing);
    expect(run2.getState().ready).toBe(false);
    await run2.open(atRest);
    expect(run2.getState().ready).toBe(true);
    expect(run2.getState().drafts.u1).toMatchObject({ customerName: NAME, phone: PHONE, description: '宽带断网三天' });
  });

  it('lands every keystroke of fast typing in order: the last one is what a reload reads', async () => {
    const backing = memoryWebStorage();
    const atRest = await ephemeralAtRest();
    const run1 = newRun(backing);
    await run1.open(atRest);
    const typed = '广州市天河区体育西路一百零八号';
    for (let i = 1; i <= typed.length; i++) run1.getState().update('u1', (d) => ({ ...d, address: typed.slice(0, i) }));
    await vi.waitFor(async () => expect(await storedDrafts(backing, atRest)).toMatchObject({ state: { drafts: { u1: { address: typed } } } }));
    // Nothing sealed earlier lands after the last write.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const run2 = newRun(backing);
    await run2.open(atRest);
    expect(run2.getState().drafts.u1?.address).toBe(typed);
  });

  it('reads a draft an older build left in the clear and writes it back sealed', async () => {
    const backing = memoryWebStorage();
    backing.setItem(DRAFT_STORAGE_KEY, JSON.stringify({ state: { drafts: { u1: { customerName: NAME, phone: PHONE } } }, version: 1 }));
    const atRest = await ephemeralAtRest();
    const run = newRun(backing);
    await run.open(atRest);
    expect(run.getState().drafts.u1).toMatchObject({ customerName: NAME, phone: PHONE, description: '' });
    await vi.waitFor(() => expect(isSealed(backing.getItem(DRAFT_STORAGE_KEY))).toBe(true));
    expect(backing.getItem(DRAFT_STORAGE_KEY)).not.toContain(PHONE);
  });

  it('a change before the drafts are read (a screen pop at start) is applied on top of them, never in their place', async () => {
    const backing = memoryWebStorage();
    const atRest = await ephemeralAtRest();
    const run1 = newRun(backing);
    await run1.open(atRest);
    run1.getState().update('u1', (d) => ({ ...d, customerName: NAME }));
    await vi.waitFor(async () => expect(await storedDrafts(backing, atRest)).toMatchObject({ state: { drafts: { u1: { customerName: NAME } } } }));
    const before = backing.getItem(DRAFT_STORAGE_KEY);

    const run2 = newRun(backing);
    run2.getState().update('u1', (d) => ({ ...d, phone: PHONE }));
    run2.getState().clear('u2');
    expect(run2.getState().drafts).toEqual({});
    expect(backing.getItem(DRAFT_STORAGE_KEY)).toBe(before);
    await run2.open(atRest);
    expect(run2.getState().drafts.u1).toMatchObject({ customerName: NAME, phone: PHONE });
    await vi.waitFor(async () => expect(await storedDrafts(backing, atRest)).toMatchObject({ state: { drafts: { u1: { customerName: NAME, phone: PHONE } } } }));
  });

  it('sign-out before the drafts are read removes them and the form does not wait for ever', async () => {
    const backing = memoryWebStorage();
    const atRest = await ephemeralAtRest();
    const run1 = newRun(backing);
    await run1.open(atRest);
    run1.getState().update('u1', (d) => ({ ...d, customerName: NAME }));
    await vi.waitFor(() => expect(backing.getItem(DRAFT_STORAGE_KEY)).not.toBeNull());

    const run2 = newRun(backing);
    const opening = run2.open(atRest);
    run2.getState().clearAll();
    await opening;
    await vi.waitFor(() => expect(run2.getState().ready).toBe(true));
    expect(run2.getState().drafts).toEqual({});
    expect(JSON.stringify(await storedDrafts(backing, atRest))).not.toContain(NAME);
    const run3 = newRun(backing);
    await run3.open(atRest);
    expect(run3.getState().drafts).toEqual({});
  });
});
