import { describe, expect, it } from 'vitest';
import { complaintCreatedPayloadSchema } from '../../../shared/events/catalogue';
import { emptyDraft, type IntakeDraft } from '../../state/intake-draft';
import { draftToPayload, failedAcceptance, hasCallSerial, localInputToIso, receivedAtOf, splitJobNumbers, validateIntake } from './intake-validation';

const filled = (change: Partial<IntakeDraft> = {}): IntakeDraft => ({
  ...emptyDraft(),
  customerName: '张三',
  phone: '138 0013 8000',
  category: 'attitude',
  description: '话务员态度恶劣，挂断电话',
  ...change,
});

describe('validateIntake', () => {
  it('accepts a complete draft', () => {
    expect(validateIntake(filled())).toEqual({});
  });
  it('names each missing required field', () => {
    expect(validateIntake(emptyDraft())).toEqual({
      customerName: 'required', phone: 'required', category: 'required', description: 'required',
    });
  });
  it('refuses a phone with letters', () => {
    expect(validateIntake(filled({ phone: 'call me' })).phone).toBe('phone');
  });
  it('flags text beyond the schema limits', () => {
    expect(validateIntake(filled({ customerName: 'x'.repeat(101) })).customerName).toBe('tooLong');
  });
});

describe('failedAcceptance', () => {
  it('wants a respondent', () => {
    expect(failedAcceptance(filled())).toEqual(['respondent']);
    expect(failedAcceptance(filled({ respondentAgents: '1001' }))).toEqual([]);
    expect(failedAcceptance(filled({ respondentDepartment: '营业厅' }))).toEqual([]);
  });
  it('wants facts and a reachable complainant', () => {
    expect(failedAcceptance(filled({ description: ' ', phone: '', respondentAgents: '1' }))).toEqual(['facts', 'reachable']);
  });
});

describe('splitJobNumbers', () => {
  it('splits on Latin and Chinese separators', () => {
    expect(splitJobNumbers('1001, 1002；1003、1004 1005')).toEqual(['1001', '1002', '1003', '1004', '1005']);
    expect(splitJobNumbers('  ')).toEqual([]);
  });
});

describe('localInputToIso', () => {
  it('reads the input in the centre time zone', () => {
    expect(localInputToIso('2026-11-23T17:00', 'Asia/Shanghai')).toBe('2026-11-23T09:00:00.000Z');
    expect(localInputToIso('2026-07-01T12:00', 'Europe/London')).toBe('2026-07-01T11:00:00.000Z');
  });
  it('gives nothing for an empty or partial value', () => {
    expect(localInputToIso('', 'Asia/Shanghai')).toBeUndefined();
    expect(localInputToIso('2026-11-23', 'Asia/Shanghai')).toBeUndefined();
  });
});

describe('draftToPayload', () => {
  it('builds a payload the shared schema accepts, without empty optional parts', () => {
    const payload = draftToPayload(
      filled({ respondentAgents: '1001,1002', incidentAt: '2026-11-20T10:00', demands: ' 道歉 ' }),
      1,
      '2026-11-23T02:00:00.000Z',
      'Asia/Shanghai',
    );
    expect(payload.respondent).toEqual({ agentJobNumbers: ['1001', '1002'] });
    expect(payload.incident).toEqual({ occurredAt: '2026-11-20T02:00:00.000Z' });
    expect(payload.demands).toBe('道歉');
    expect(payload.complainant).toEqual({ name: '张三', phone: '138 0013 8000', customerType: 'ordinary' });
    expect(complaintCreatedPayloadSchema.safeParse({ ...payload, number: 'GZ-20261123-0001' }).success).toBe(true);
  });
});

describe('receipt time at intake: typed, else the call\'s start, else now; a letter has no call serial', () => {
  const tz = 'Asia/Shanghai';
  const now = '2026-11-23T02:00:00.000Z';
  it('takes the typed time in the centre time zone', () => {
    expect(receivedAtOf({ ...emptyDraft(), channel: 'letter', receivedAt: '2026-11-20T16:00' }, tz, now)).toBe('2026-11-20T08:00:00.000Z');
  });
  it('defaults to the call\'s start for a phone call and to now otherwise', () => {
    const started = '2026-11-23T01:50:00.000Z';
    expect(receivedAtOf({ ...emptyDraft(), channel: 'phone', startedAt: started }, tz, now)).toBe(started);
    expect(receivedAtOf({ ...emptyDraft(), channel: 'email', startedAt: started }, tz, now)).toBe(now);
  });
  it('refuses a receipt time in the future', () => {
    expect(validateIntake({ ...emptyDraft(), channel: 'letter', receivedAt: '2026-11-24T10:00' }, { timeZone: tz, nowIso: now }).receivedAt).toBe('future');
  });
  it('a letter carries no call serial, a phone call does', () => {
    const base = { ...emptyDraft(), customerName: '王', phone: '13800000000', category: 'attitude' as const, description: 'x', callSerial: 'SN-1' };
    expect(hasCallSerial('letter')).toBe(false);
    expect(draftToPayload({ ...base, channel: 'letter' }, 1, now, tz).callSerial).toBeUndefined();
    expect(draftToPayload({ ...base, channel: 'phone' }, 1, now, tz).callSerial).toBe('SN-1');
  });
  it('two serial numbers: the call being taken and the complained-about call go to their own fields', () => {
    const base = { ...emptyDraft(), customerName: '王', phone: '13800000000', category: 'attitude' as const, description: 'x' };
    const payload = draftToPayload({ ...base, channel: 'phone', callSerial: 'SN-NOW', complainedSerial: 'SN-THEN' }, 1, now, tz);
    expect(payload).toMatchObject({ callSerial: 'SN-NOW', complainedSerial: 'SN-THEN' });
    // A letter has no call of its own, but may name the call it complains about.
    const letter = draftToPayload({ ...base, channel: 'letter', callSerial: 'SN-NOW', complainedSerial: 'SN-THEN' }, 1, now, tz);
    expect(letter.callSerial).toBeUndefined();
    expect(letter.complainedSerial).toBe('SN-THEN');
  });
  it("the customer's title (先生/女士) goes with the complainant when known", () => {
    const base = { ...emptyDraft(), customerName: '王', phone: '13800000000', category: 'attitude' as const, description: 'x' };
    expect(draftToPayload({ ...base, customerTitle: 'mr' }, 1, now, tz).complainant.title).toBe('mr');
    expect(draftToPayload(base, 1, now, tz).complainant.title).toBeUndefined();
  });
});
