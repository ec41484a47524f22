import { describe, expect, it } from 'vitest';
import { fold } from './fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { draftOf, type ComplaintProjection } from './projection';

const ctx = defaultFoldContext();

describe('two serial numbers: the call being taken and the complained-about call', () => {
  it('are different fields of the creation and of the projection', () => {
    const ev = eventFactory('c-s');
    const p = fold([ev('complaint.created', { callSerial: 'SN-TAKE-1', complainedSerial: 'SN-ABOUT-9' })], ctx)!;
    expect(p.callSerial).toBe('SN-TAKE-1');
    expect(p.complainedSerial).toBe('SN-ABOUT-9');
  });

  it('a letter has no call of its own but may name the complained-about call', () => {
    const ev = eventFactory('c-l');
    const p = fold([ev('complaint.created', { channel: 'letter', callSerial: undefined, complainedSerial: 'SN-ABOUT-3' })], ctx)!;
    expect(p.callSerial).toBeNull();
    expect(p.complainedSerial).toBe('SN-ABOUT-3');
  });

  it('an event written before the two were told apart still folds: the complained-about serial is unknown, not guessed', () => {
    const ev = eventFactory('c-o');
    const old = ev('complaint.created', null);
    expect('complainedSerial' in old.payload).toBe(false);
    const p = fold([old], ctx)!;
    expect(p.status).toBe('registered');
    expect(p.callSerial).toBe('SN-0001');
    expect(p.complainedSerial).toBeNull();
  });

  it('a projection stored before the field existed reads it as null when stepped on', () => {
    const ev = eventFactory('c-p');
    const stored = { ...fold([ev('complaint.created', null)], ctx)! } as Partial<ComplaintProjection>;
    delete stored.complainedSerial;
    expect(draftOf(stored as ComplaintProjection).complainedSerial).toBeNull();
  });
});

describe('acceptance conditions are flagged by the fold, as the intake form shows them', () => {
  it('a complaint without a respondent is registered and flagged "respondent"', () => {
    const ev = eventFactory('c-a');
    const p = fold([ev('complaint.created', { respondent: {} })], ctx)!;
    expect(p.status).toBe('registered');
    expect(p.flags.acceptanceFailed).toEqual(['respondent']);
    expect(fold([eventFactory('c-b')('complaint.created', null)], ctx)!.flags.acceptanceFailed).toEqual([]);
  });
});
