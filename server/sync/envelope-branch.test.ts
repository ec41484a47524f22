import { beforeAll, describe, expect, it } from 'vitest';
import { EventFactory, storageKinds, type Json, type LoggedInUser } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

/** A director's event carries the complaint's real branch in its envelope: another branch is stored rejected. */
describe.each(storageKinds())('envelope branch of a cross-branch writer on %s', (storage) => {
  const t = suiteServer(storage);
  const api = t.api;
  const f = new EventFactory();
  let agent: { token: string; user: LoggedInUser };
  let director: { token: string; user: LoggedInUser };

  beforeAll(async () => {
    agent = await api.login('agent.gz');
    director = await api.login('director');
  });

  it("a director's note filed under dg on a gz complaint is rejected (branch_mismatch), under gz accepted", async () => {
    const created = f.created(agent.user);
    expect((await api.push(agent.token, [created])).json).toEqual([]);
    const note = (branchId: string) => f.make('note.added', { complaintId: created.complaintId, actorId: director.user.id, branchId });
    const wrong = note('dg');
    const answer = (await api.push(director.token, [wrong])).json as Json[];
    expect(answer).toHaveLength(1);
    expect(answer[0]).toMatchObject({ id: wrong.id, status: 'rejected', reason: { code: 'branch_mismatch' } });
    expect((await api.push(director.token, [note('gz')])).json).toEqual([]);

    // The dg agent never receives the misfiled event.
    const dg = await api.login('agent.dg');
    const seen = (await api.pullAll(dg.token)).documents.map((d: Json) => d.id);
    expect(seen).not.toContain(wrong.id);
    const projection = (await api.request('GET', `/api/complaints/${created.complaintId}`, { token: director.token })).json;
    expect(projection.eventCount).toBe(2);
  });
});
