import { beforeAll, describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/db';
import { acceptEvents, type Writer } from './accept';
import { EventFactory, storageKinds, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

describe.each(storageKinds())('push decided on a state that changed, on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  let me: { token: string; user: LoggedInUser };
  let writer: Writer;
  const f = new EventFactory();

  beforeAll(async () => {
    me = await api.login('agent.gz');
    writer = { kind: 'user', user: { ...me.user, jobNumber: null } as AuthUser };
  });

  /** The server's database, with `beforeWrite` run once just before the push's first transaction. */
  const racing = (beforeWrite: () => Promise<unknown>): Db => {
    let raced = false;
    const db = t.server.db;
    return {
      ...db,
      transaction: async (fn) => {
        if (!raced) {
          raced = true;
          await beforeWrite();
        }
        return db.transaction(fn);
      },
    };
  };

  it('another push on the same complaint between reading and writing: decided again, both events in the projection and the feed once', async () => {
    const created = f.created(me.user);
    expect((await api.push(me.token, [created])).json).toEqual([]);
    const note = (): ReturnType<EventFactory['make']> =>
      f.make('note.added', { complaintId: created.complaintId, actorId: me.user.id, branchId: 'gz' });
    const first = note();
    const second = note();

    const result = await acceptEvents(
      racing(() => acceptEvents(t.server.db, t.server.settings, writer, [{ id: second.id, doc: { ...second } }])),
      t.server.settings,
      writer,
      [{ id: first.id, doc: { ...first } }],
    );

    expect(result).toMatchObject({ accepted: 1, rejected: 0, unchanged: 0, returned: [] });
    const p = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: me.token })).json;
    expect(p.eventCount).toBe(3);
    expect(new Set(p.timeline.map((e: { eventId: string }) => e.eventId))).toEqual(new Set([created.id, first.id, second.id]));
    const { documents } = await api.pullAll(me.token);
    const ids = documents.map((d) => d.id as string).filter((id) => id === first.id || id === second.id);
    expect(ids.sort()).toEqual([first.id, second.id].sort());
  });

  it('the same id stored by another push between reading and writing: nothing stored twice, answered as unchanged', async () => {
    const created = f.created(me.user);
    const result = await acceptEvents(
      racing(() => acceptEvents(t.server.db, t.server.settings, writer, [{ id: created.id, doc: { ...created } }])),
      t.server.settings,
      writer,
      [{ id: created.id, doc: { ...created } }],
    );
    expect(result).toMatchObject({ accepted: 0, unchanged: 1, returned: [] });
    const { documents } = await api.pullAll(me.token);
    expect(documents.filter((d) => d.id === created.id)).toHaveLength(1);
  });

  it('the guard fails its transaction with HD001 only when the state no longer holds', async () => {
    const db = t.server.db;
    expect(await db.query<{ ok: boolean }>('select push_state_holds(true) as ok')).toEqual([{ ok: true }]);
    for (const holds of [false, null]) {
      await expect(db.query('select push_state_holds($1)', [holds])).rejects.toMatchObject({ code: 'HD001' });
    }
  });
});
