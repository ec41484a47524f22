import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  WORKSTATION_ALPHABET,
  assignWorkstationCode,
  branchCodeOf,
  formatComplaintNumber,
  makeComplaintNumber,
  nextCounter,
  parseComplaintNumber,
  workstationCode,
  type ComplaintNumberParts,
  type NumberCounterState,
} from './complaint-number';
import { addCalendarDays, defaultCalendar } from '../calendar/calendar';

const cal = defaultCalendar();

describe('complaint numbers: made offline, unique across workstations, readable over the phone', () => {
  it('looks like GZ-20261123-K7-0042', () => {
    expect(formatComplaintNumber({ branchCode: 'GZ', day: '2026-11-23', workstationCode: 'K7', counter: 42 })).toBe(
      'GZ-20261123-K7-0042',
    );
  });

  it('dates the number in the centre time zone', () => {
    // 00:30 on 23 November in Shanghai is still 22 November in UTC.
    const { number, state } = makeComplaintNumber(
      { branchId: 'gz', workstationCode: 'K7', at: '2026-11-22T16:30:00.000Z' },
      cal,
    );
    expect(number).toBe('GZ-20261123-K7-0001');
    expect(state).toEqual({ lastByDay: { '2026-11-23': 1 } });
  });

  it('counts up within a day and restarts the next', () => {
    let state: NumberCounterState | null = null;
    const numbers: string[] = [];
    for (const at of ['2026-11-23T02:00:00Z', '2026-11-23T03:00:00Z', '2026-11-24T02:00:00Z']) {
      const r = makeComplaintNumber({ branchId: 'dg', workstationCode: 'K7', at, previous: state }, cal);
      numbers.push(r.number);
      state = r.state;
    }
    expect(numbers).toEqual(['DG-20261123-K7-0001', 'DG-20261123-K7-0002', 'DG-20261124-K7-0001']);
  });

  it('continues an earlier day when the clock jumps back, instead of reusing its numbers', () => {
    let s = nextCounter(null, '2026-11-23').state;
    s = nextCounter(s, '2026-11-23').state;
    s = nextCounter(s, '2026-11-24').state;
    expect(nextCounter(s, '2026-11-23').counter).toBe(3);
  });

  it('forgets old days but keeps recent ones', () => {
    let s: NumberCounterState | null = null;
    for (let i = 0; i < 100; i++) s = nextCounter(s, addCalendarDays('2026-01-01', i)).state;
    expect(Object.keys(s!.lastByDay)).toHaveLength(62);
    expect(s!.lastByDay['2026-04-10']).toBe(1);
  });

  it('uses no ambiguous characters in workstation codes', () => {
    for (const c of ['0', 'O', '1', 'I', 'L', 'U']) expect(WORKSTATION_ALPHABET).not.toContain(c);
    fc.assert(fc.property(fc.string({ minLength: 1 }), (id) => /^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{2}$/.test(workstationCode(id))));
  });

  it('derives the same code from the same id on every replica', () => {
    expect(workstationCode('ws-0199a3f0-1c2d')).toBe(workstationCode('ws-0199a3f0-1c2d'));
    expect(workstationCode('ws-0199a3f0-1c2d', 1)).not.toBe(workstationCode('ws-0199a3f0-1c2d', 0));
  });

  it('assigns a free code when the derived one is taken', () => {
    const first = workstationCode('ws-a');
    const code = assignWorkstationCode('ws-a', new Set([first]));
    expect(code).not.toBe(first);
    expect(assignWorkstationCode('ws-a', new Set())).toBe(first);
  });

  it('gives a crowded branch longer codes rather than duplicates', () => {
    const taken = new Set<string>();
    for (let i = 0; i < 1000; i++) taken.add(assignWorkstationCode(`ws-${i}`, taken));
    expect(taken.size).toBe(1000);
    expect([...taken].some((c) => c.length === 3)).toBe(true);
  });

  it('reads back what people type', () => {
    expect(parseComplaintNumber(' gz-20261123-k7-0042 ')).toEqual({ branchCode: 'GZ', day: '2026-11-23', workstationCode: 'K7', counter: 42 });
    expect(parseComplaintNumber('ＧＺ－２０２６１１２３－Ｋ７－００４２')?.counter).toBe(42);
    expect(parseComplaintNumber('GZ–20261123–K7–0042')?.workstationCode).toBe('K7');
    expect(parseComplaintNumber('GZ-20261131-K7-0042')).toBeNull(); // 31 November
    expect(parseComplaintNumber('GZ-20261123-K0-0042')).toBeNull(); // 0 is not in the alphabet
    expect(parseComplaintNumber('GZ-20261123-K7-0000')).toBeNull();
    expect(parseComplaintNumber('hello')).toBeNull();
  });

  it('refuses parts it cannot format', () => {
    const ok: ComplaintNumberParts = { branchCode: 'GZ', day: '2026-11-23', workstationCode: 'K7', counter: 1 };
    expect(() => formatComplaintNumber({ ...ok, counter: 0 })).toThrow(RangeError);
    expect(() => formatComplaintNumber({ ...ok, workstationCode: 'O1' })).toThrow(RangeError);
    expect(() => formatComplaintNumber({ ...ok, branchCode: 'guangzhou' })).toThrow(RangeError);
    expect(() => branchCodeOf('g z')).toThrow(RangeError);
  });

  it('fits the complaint.created number field', () => {
    expect(formatComplaintNumber({ branchCode: 'SHENZ1', day: '2026-11-23', workstationCode: 'ZZZZ', counter: 999_999 })).toMatch(
      /^[A-Za-z0-9][A-Za-z0-9_-]*$/,
    );
  });
});

const partsArb: fc.Arbitrary<ComplaintNumberParts> = fc.record({
  branchCode: fc.stringMatching(/^[A-Z][A-Z0-9]{1,5}$/),
  day: fc.integer({ min: 0, max: 3650 }).map((n) => addCalendarDays('2024-01-01', n)),
  workstationCode: fc.stringMatching(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{2,4}$/),
  counter: fc.integer({ min: 1, max: 999_999 }),
});

describe('complaint numbers (properties)', () => {
  it('parse(format(parts)) = parts', () => {
    fc.assert(
      fc.property(partsArb, (parts) => {
        expect(parseComplaintNumber(formatComplaintNumber(parts))).toEqual(parts);
      }),
    );
  });

  it('never repeats across workstations of a branch working offline at the same time', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 2, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 0, 4) })), { maxLength: 300 }),
        (workstationIds, intakes) => {
          const taken = new Set<string>();
          const stations = workstationIds.map((id) => {
            const code = assignWorkstationCode(id, taken);
            taken.add(code);
            return { code, state: null as NumberCounterState | null };
          });
          const seen = new Set<string>();
          for (const [pick, at] of intakes) {
            const ws = stations[pick % stations.length]!;
            const r = makeComplaintNumber({ branchId: 'gz', workstationCode: ws.code, at, previous: ws.state }, cal);
            ws.state = r.state;
            if (seen.has(r.number)) return false;
            seen.add(r.number);
          }
          return true;
        },
      ),
    );
  });
});
