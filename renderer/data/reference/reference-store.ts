import { BehaviorSubject, type Observable, type Subscription } from 'rxjs';
import type { ReferenceCollection } from '../db';
import type { Reference } from '../types/reference';
import type { ReferenceKind } from '../schema/reference-schema';
import { defaultReference } from './defaults';
import { calendarFor, directoryUsers, parseReference, type CalendarData, type ParsedReference } from './parse-reference';
import type { SystemActor } from '../../../shared/actors/system-actor';
import type { Policy } from '../../../shared/policy/policy';

/** Live reference data read from the local collection, with defaults for what was never pulled. */
export interface ReferenceStore {
  reference$: Observable<Reference>;
  current(): Reference;
  /** Resolves once the stored copy has been read (before that, current() gives defaults). */
  ready: Promise<void>;
  /** Stores a pulled answer; only the parts present replace the local copy. */
  save(raw: unknown, pulledAt: string): Promise<ParsedReference>;
  stop(): void;
}

export function createReferenceStore(collection: ReferenceCollection): ReferenceStore {
  const subject = new BehaviorSubject<Reference>(defaultReference());
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const sub: Subscription = collection.find().$.subscribe((docs) => {
    const byKind = new Map(docs.map((d) => [d.kind, d.toJSON()]));
    const base = defaultReference();
    const data = <T>(kind: ReferenceKind, fallback: T): T => (byKind.get(kind)?.data as T | undefined) ?? fallback;
    const policy = data<Policy>('policy', base.policy);
    const pulled = docs.map((d) => d.pulledAt).sort();
    subject.next({
      users: directoryUsers(data('users', base.users), data<SystemActor[] | undefined>('actors', undefined)),
      branches: data('branches', base.branches),
      teams: data('teams', base.teams),
      scripts: data('scripts', base.scripts),
      policy,
      calendar: calendarFor(policy, data<CalendarData | undefined>('calendar', undefined)),
      pulledAt: pulled.length ? (pulled[pulled.length - 1] ?? null) : null,
    });
    markReady();
  });

  return {
    reference$: subject.asObservable(),
    current: () => subject.getValue(),
    ready,
    async save(raw, pulledAt) {
      const parsed = parseReference(raw);
      const rows = (Object.entries(parsed) as [ReferenceKind, unknown][]).map(([kind, value]) => ({
        kind,
        data: value,
        pulledAt,
      }));
      if (rows.length) await collection.bulkUpsert(rows);
      return parsed;
    },
    stop: () => sub.unsubscribe(),
  };
}
