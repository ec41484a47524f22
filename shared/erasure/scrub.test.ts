import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { apply, fold } from '../fold/fold';
import { defaultFoldContext, eventFactory } from '../test-support/fold-fixtures';
import { withoutEvents } from '../fold/projection';
import { validateEvent } from '../events/validate';
import { REDACTABLE_FIELDS } from '../events/payloads/outcome';
import type { EventEnvelope } from '../events/envelope';
import { ERASED_PHONE, ERASED_TEXT, coversAllFields, erasedValueCount, scrubHistory } from './scrub';

const ctx = defaultFoldContext();

function created(ev: ReturnType<typeof eventFactory>) {
  return ev(
    'complaint.created',
    {
      complainant: { name: '王小明', phone: '13800138000', address: '广州市天河区', customerType: 'ordinary' },
      incident: { place: '营业厅', occurredAt: '2026-11-22T08:00:00+08:00' },
      description: '客户王小明反映话务员态度差',
      demands: '道歉并回电 13800138000',
    },
    { at: 0, id: 'e-created' },
  );
}

/** Replaces the scrubbed events of a history by their scrubbed copies. */
function scrubbed(events: EventEnvelope[]): EventEnvelope[] {
  const changed = new Map(scrubHistory(events).map((e) => [e.id, e]));
  return events.map((e) => changed.get(e.id) ?? e);
}

describe('scrubHistory', () => {
  it('erases the named personal values from the events before the redaction, keeping the payloads valid', () => {
    const ev = eventFactory();
    const history = [
      created(ev),
      ev('note.added', { text: '客户电话 13800138000' }, { at: 5, id: 'e-note-1' }),
      ev('complaint.redacted', { fields: [...REDACTABLE_FIELDS] }, { at: 10, id: 'e-redact' }),
      ev('note.added', { text: '删除后新写的备注' }, { at: 20, id: 'e-note-2' }),
    ];
    const changed = scrubHistory(history);
    expect(changed.map((e) => e.id)).toEqual(['e-created', 'e-note-1']);
    const [c, n] = changed;
    const text = JSON.stringify(changed);
    for (const secret of ['王小明', '13800138000', '天河区', '营业厅', '态度差', '道歉']) expect(text).not.toContain(secret);
    expect(c!.payload).toMatchObject({ complainant: { name: ERASED_TEXT, phone: ERASED_PHONE, customerType: 'ordinary' }, description: ERASED_TEXT });
    expect(c!.payload).toMatchObject({ demands: ERASED_TEXT, complainant: { address: ERASED_TEXT } });
    expect((c!.payload as { incident: object }).incident).toEqual({ occurredAt: '2026-11-22T08:00:00+08:00', place: ERASED_TEXT });
    expect(erasedValueCount(c!)).toBe(6);
    expect(n!.payload).toEqual({ text: ERASED_TEXT });
    // The wire contract still holds for scrubbed events: every one validates.
    for (const e of changed) expect(validateEvent(e).ok).toBe(true);
    // A note written after the erasure is new data and stays.
    expect(history[3]!.payload).toEqual({ text: '删除后新写的备注' });
  });

  it('erases only the fields named, and nothing without a redaction', () => {
    const ev = eventFactory();
    const base = [created(ev), ev('note.added', { text: 'n' }, { at: 3 })];
    expect(scrubHistory(base)).toEqual([]);
    const [c] = scrubHistory([...base, ev('complaint.redacted', { fields: ['complainant.phone'] }, { at: 9 })]);
    expect(c!.payload).toMatchObject({ complainant: { name: '王小明', phone: ERASED_PHONE }, description: '客户王小明反映话务员态度差' });
    expect(erasedValueCount(c!)).toBe(1);
  });

  it('scrubs rejected events of every field any redaction names, and ignores rejected redactions', () => {
    const ev = eventFactory();
    const rejectedCreate = { ...created(ev), id: 'e-dup', status: 'rejected' as const };
    const redaction = ev('complaint.redacted', { fields: ['complainant.name'] }, { at: 1 });
    const changed = scrubHistory([created(ev), { ...redaction, status: 'rejected' as const }, rejectedCreate]);
    expect(changed).toEqual([]);
    const [, again] = scrubHistory([created(ev), redaction, { ...rejectedCreate, hlc: '2099-01-01T00:00:00.000Z-0000-0000000000000001' }]);
    expect(again!.id).toBe('e-dup');
    expect((again!.payload as { complainant: { name: string } }).complainant.name).toBe(ERASED_TEXT);
  });

  it('scrubbing twice changes nothing more', () => {
    const ev = eventFactory();
    const once = scrubbed([created(ev), ev('complaint.redacted', { fields: [...REDACTABLE_FIELDS] }, { at: 4 })]);
    expect(scrubHistory(once)).toEqual([]);
    expect(coversAllFields(REDACTABLE_FIELDS)).toBe(true);
    expect(coversAllFields(['notes'])).toBe(false);
  });
});

const FIELD_SETS = fc.subarray([...REDACTABLE_FIELDS], { minLength: 1 });

/** A complaint with notes and redactions at random times. */
const historyArb = fc
  .array(
    fc.oneof(
      fc.record({ kind: fc.constant('note' as const), at: fc.integer({ min: 1, max: 500 }) }),
      fc.record({ kind: fc.constant('redact' as const), at: fc.integer({ min: 1, max: 500 }), fields: FIELD_SETS }),
      fc.record({ kind: fc.constant('close' as const), at: fc.integer({ min: 1, max: 500 }) }),
    ),
    { maxLength: 12 },
  )
  .map((moves) => {
    const ev = eventFactory();
    const events = [created(ev)];
    moves.forEach((m, i) => {
      const o = { at: m.at, id: `m-${String(i).padStart(2, '0')}` };
      if (m.kind === 'note') events.push(ev('note.added', { text: `客户 13800138000 ${i}` }, o));
      else if (m.kind === 'redact') events.push(ev('complaint.redacted', { fields: m.fields }, o));
      else events.push(ev('work_order.filed', null, o));
    });
    return events;
  });

describe('the fold of a scrubbed history', () => {
  it('shows what the fold of the original shows', () => {
    fc.assert(
      fc.property(historyArb, (events) => {
        expect(withoutEvents(fold(scrubbed(events), ctx)!)).toEqual(withoutEvents(fold(events, ctx)!));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps the scrubbed copy of an event whichever copy arrives first', () => {
    fc.assert(
      fc.property(historyArb, fc.boolean(), (events, scrubbedFirst) => {
        const clean = scrubbed(events);
        const expected = fold(clean, ctx);
        const both = scrubbedFirst ? [...clean, ...events] : [...events, ...clean];
        expect(fold(both, ctx)).toEqual(expected);
        // A replica holding the original that then receives the scrubbed copies, one by one.
        const stepped = clean.reduce((p, e) => apply(p, e, ctx), fold(events, ctx));
        expect(stepped).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});
