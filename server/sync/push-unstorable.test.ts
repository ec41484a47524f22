import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, storageKinds, type Json, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

/** Text the database cannot keep as it came: NUL, or half a surrogate pair, somewhere in a string. */
const poison = fc.constantFrom('\u0000', '\ud800', '\udfff', '\ud83d', 'a\u0000b', '\udc00x');
const spliced = fc.tuple(fc.string({ maxLength: 8 }), poison, fc.string({ maxLength: 8 })).map(([a, p, b]) => `${a}${p}${b}`);

/** One unstorable event never sinks its batch: it is stored rejected, the others accepted, never a 5xx. */
describe.each(storageKinds())('unstorable events in a push on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  let me: { token: string; user: LoggedInUser };
  const f = new EventFactory();

  beforeAll(async () => {
    me = await api.login('agent.gz');
  });

  it('a complaintId or a text with NUL or a lone surrogate is rejected, its neighbours accepted (variants)', async () => {
    await fc.assert(
      fc.asyncProperty(spliced, fc.constantFrom('complaintId', 'description', 'name', 'note'), async (bad, where) => {
        const before = f.created(me.user);
        const after = f.created(me.user);
        let hostile: Json = f.created(me.user);
        if (where === 'complaintId') hostile = { ...hostile, complaintId: bad.slice(0, 60) || '\u0000' };
        if (where === 'description') hostile = { ...hostile, payload: { ...hostile.payload, description: `d${bad}` } };
        if (where === 'name') hostile = { ...hostile, payload: { ...hostile.payload, customer: { ...hostile.payload.customer, name: `n${bad}` } } };
        if (where === 'note') hostile = f.make('note.added', { complaintId: before.complaintId, actorId: me.user.id, branchId: 'gz', payload: { text: `t${bad}` } });
        const res = await api.push(me.token, [before, hostile, after]);
        expect(res.status, res.body.slice(0, 200)).toBe(200);
        expect(res.json).toHaveLength(1);
        expect(res.json[0]).toMatchObject({ id: hostile.id, status: 'rejected', reason: { code: 'schema' } });
        // Pushed again (a workstation retrying), it is a repeat: nothing resent forever.
        expect((await api.push(me.token, [before, hostile, after])).json).toEqual([]);
        const stored = await api.request('GET', `/api/complaints/${after.complaintId}`, { token: me.token });
        expect(stored.status).toBe(200);
      }),
      { numRuns: 12 },
    );
  });
});
