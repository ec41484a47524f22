import { describe, expect, it } from 'vitest';
import { fold } from '../fold/fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { REDACTABLE_FIELDS } from '../events/payloads/outcome';
import { personalFieldsShown } from './personal-fields';
import { accessRecordSchema } from './access-record';

const ctx = defaultFoldContext();

describe('personal fields a complaint shows', () => {
  it('names every non-empty personal field, and none once erased', () => {
    const ev = eventFactory();
    const created = ev('complaint.created', null, { at: 0 });
    const withNote = [created, ev('note.added', { text: '回电 13800138000' }, { at: 1 })];
    expect(personalFieldsShown(fold(withNote, ctx)!)).toEqual(['complainant.name', 'complainant.phone', 'incident.place', 'description', 'demands', 'notes']);
    const erased = fold([...withNote, ev('complaint.redacted', { fields: [...REDACTABLE_FIELDS] }, { at: 2 })], ctx)!;
    expect(personalFieldsShown(erased)).toEqual([]);
  });
});

describe('an access record', () => {
  const base = { id: '0192a3b4-c5d6-7e8f-9a0b-1c2d3e4f5a6b', complaintIds: ['c-1'], at: '2026-11-23T02:00:00.000Z', workstationId: 'ws-12345678' };
  it('names its report exactly when it is an export, and holds no one\'s name or phone', () => {
    expect(accessRecordSchema.safeParse({ ...base, action: 'view', fields: ['complainant.phone'] }).success).toBe(true);
    expect(accessRecordSchema.safeParse({ ...base, action: 'export', report: 'report-xlsx' }).success).toBe(true);
    expect(accessRecordSchema.safeParse({ ...base, action: 'export' }).success).toBe(false);
    expect(accessRecordSchema.safeParse({ ...base, action: 'print', report: 'report-xlsx' }).success).toBe(false);
    // Strict: a name or phone cannot ride along.
    expect(accessRecordSchema.safeParse({ ...base, action: 'view', phone: '13800138000' }).success).toBe(false);
  });
});
