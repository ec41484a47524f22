import { makeEvent } from '../events/make-event';
import type { EventEnvelope } from '../events/envelope';
import type { EventType, PayloadOf } from '../events/catalogue';
import { samplePayloads } from './sample-payloads';
import { formatHlc } from '../hlc/hlc';
import { defaultPolicy } from '../policy/policy';
import { defaultCalendar } from '../calendar/calendar';
import type { FoldContext } from '../fold/context';

/** Monday 2026-11-23 09:00 in Shanghai. */
export const T0 = Date.UTC(2026, 10, 23, 1, 0, 0, 0);
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export const defaultFoldContext = (): FoldContext => ({ policy: defaultPolicy, calendar: defaultCalendar() });

export interface EventOptions {
  /** Minutes after T0. */
  at?: number;
  actor?: string;
  node?: string;
  counter?: number;
  id?: string;
  branchId?: string;
  complaintId?: string;
}

/**
 * Builds the events of one complaint for tests and fixtures: the HLC and the
 * device time follow `at`, payloads default to the catalogue's samples.
 */
export function eventFactory(complaintId = 'c-1') {
  let serial = 0;
  return function event<T extends EventType>(type: T, payload?: Partial<PayloadOf<T>> | null, o: EventOptions = {}): EventEnvelope {
    serial += 1;
    const wall = T0 + (o.at ?? serial) * MINUTE;
    const base = samplePayloads[type] as PayloadOf<T>;
    return makeEvent({
      id: o.id ?? `e-${String(serial).padStart(4, '0')}`,
      type,
      complaintId: o.complaintId ?? complaintId,
      actorId: o.actor ?? 'u-agent',
      branchId: o.branchId ?? 'gz',
      payload: (payload === null ? base : { ...base, ...payload }) as PayloadOf<T>,
      hlc: formatHlc({ wallMs: wall, counter: o.counter ?? 0, node: o.node ?? '0000000000000001' }),
      occurredAt: new Date(wall).toISOString(),
    });
  };
}
