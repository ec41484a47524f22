import { describe, expect, it } from 'vitest';
import { draftHasContent, emptyDraft } from './intake-draft';
import { useDraftStore } from './intake-draft-store';

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

  it('tells a draft worth restoring from an empty one', () => {
    expect(draftHasContent(emptyDraft())).toBe(false);
    expect(draftHasContent({ ...emptyDraft(), description: '多扣费' })).toBe(true);
    expect(draftHasContent({ ...emptyDraft(), soothing: { ...emptyDraft().soothing, calmed: true } })).toBe(true);
    expect(draftHasContent({ ...emptyDraft(), customerName: '   ' })).toBe(false);
  });
});
