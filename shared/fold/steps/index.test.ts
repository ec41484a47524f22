import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { STEPS } from './index';
import { EVENT_TYPES, payloadSchemas, type EventType } from '../../events/catalogue';
import { samplePayloads } from '../../test-support/sample-payloads';
import { fold } from '../fold';
import { defaultFoldContext, eventFactory } from '../../test-support/fold-fixtures';
import type { CheckedEvent, Step } from './verdict';

const ctx = defaultFoldContext();

describe('state machine steps', () => {
  it('has one step per event type', () => {
    expect(Object.keys(STEPS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('leaves the state untouched whenever it does not apply the event (property)', () => {
    const prefixTypes = fc.array(fc.constantFrom(...EVENT_TYPES), { maxLength: 12 });
    fc.assert(
      fc.property(prefixTypes, fc.constantFrom(...EVENT_TYPES), (types, next) => {
        const ev = eventFactory();
        const events = [ev('complaint.created', { grade: 1 }, { at: 0 }), ...types.map((t, i) => ev(t, null, { at: i + 1 }))];
        const state = fold(events, ctx)!;
        const before = structuredClone(state);
        const event = ev(next, null, { at: 100 });
        const checked = { ...event, payload: payloadSchemas[next].parse(samplePayloads[next]) } as CheckedEvent<EventType>;
        const verdict = (STEPS[next] as Step<EventType>)(state, checked, ctx);
        if (verdict.state !== 'applied') {
          expect(state).toEqual(before);
          expect(verdict.why.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});
