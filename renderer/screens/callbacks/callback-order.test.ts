import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyProjection, type ComplaintProjection } from '../../../shared/fold/projection';
import { callbackStage, handedBack, orderCallbacks } from './callback-order';

const NOW = '2026-11-24T06:00:00.000Z';

function item(number: string, due: string | undefined, noted = false): ComplaintProjection {
  const p = emptyProjection(number, 'gz');
  return {
    ...p,
    number,
    status: 'callback_pending',
    deadlines: due ? { callback: due } : {},
    callbacks: {
      ...p.callbacks,
      midCourseNote: noted
        ? { recordingSerial: 'a', agentConduct: 'b', complaintFounded: true, customerAccepted: true, callbackSerial: 'c', eventId: 'n', actorId: 'l', at: NOW }
        : null,
    },
  };
}

describe('orderCallbacks', () => {
  it('puts overdue first, then the soonest due, and the ones with a written note last', () => {
    const ordered = orderCallbacks(
      [
        item('C', '2026-11-24T09:00:00.000Z'),
        item('N', '2026-11-23T09:00:00.000Z', true),
        item('B', '2026-11-24T07:00:00.000Z'),
        item('A', '2026-11-23T09:00:00.000Z'),
        item('A0', '2026-11-22T09:00:00.000Z'),
      ],
      NOW,
    );
    expect(ordered.map((c) => c.number)).toEqual(['A0', 'A', 'B', 'C', 'N']);
    expect(callbackStage(ordered[0]!, NOW)).toBe('overdue');
    expect(callbackStage(ordered[4]!, NOW)).toBe('noted');
  });

  it('never puts a due item before an overdue one, and keeps every item (property)', () => {
    const at = fc.integer({ min: -72, max: 72 }).map((h) => new Date(Date.parse(NOW) + h * 3_600_000).toISOString());
    fc.assert(
      fc.property(fc.array(fc.tuple(at, fc.boolean()), { maxLength: 20 }), (rows) => {
        const items = rows.map(([due, noted], i) => item(`N${i}`, due, noted));
        const ordered = orderCallbacks(items, NOW);
        expect(ordered).toHaveLength(items.length);
        const ranks = ordered.map((c) => ['overdue', 'due', 'noted'].indexOf(callbackStage(c, NOW)));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
    );
  });
});

describe('handedBack', () => {
  it('asks for the note after the last unreached attempt until one is written', () => {
    const base = item('X', undefined);
    const back: ComplaintProjection = {
      ...base,
      status: 'in_progress',
      flags: { ...base.flags, callbackUnreachable: true },
      callbacks: { ...base.callbacks, attempts: [{ eventId: 'a3', at: NOW, reached: false, serial: 's' }] },
    };
    expect(handedBack(back)).toEqual({ noted: false });
    expect(handedBack({ ...back, notes: [{ eventId: 'n', actorId: 'l', at: '2026-11-24T07:00:00.000Z', text: '三次未联系上' }] })).toEqual({ noted: true });
    expect(handedBack(base)).toBeNull();
  });
});
