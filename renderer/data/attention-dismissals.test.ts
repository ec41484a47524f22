import { describe, expect, it } from 'vitest';
import { firstValueFrom } from 'rxjs';
import { bindCommands, type CreateComplaintInput } from './commands';
import type { DataStore } from './store';
import { openLocalStore, testUsers, sampleIntake, closedAfterEach } from './test-support';
import { rejectedEvents$ } from './live/outbox';
import { dismissalsInNotes } from './attention-dismissals';
import { projectionOf } from './live/projection-of';
const input: CreateComplaintInput = sampleIntake;

const stores = closedAfterEach();

/** A note written here, then marked refused as the server's push answer would. */
async function refusedNote(store: DataStore, complaintId: string) {
  const commands = bindCommands(() => store);
  const r = await commands.addNote(complaintId, '客户要求下午回电');
  if (!r.ok) throw new Error(r.error);
  const doc = await store.db.events.findOne(r.eventId).exec();
  await doc!.incrementalPatch({ status: 'rejected', reason: { code: 'illegal_state', message: "Not allowed in the complaint's current state" } });
  return r.eventId;
}

/** An agent's store holding one complaint and a note on it the server refused. */
async function agentWithRefusedNote() {
  const store = await openLocalStore(testUsers.agent);
  stores.push(store);
  const commands = bindCommands(() => store);
  const created = await commands.createComplaint(input);
  if (!created.ok) throw new Error(created.error);
  const refused = await refusedNote(store, created.complaintId);
  return { store, commands, created, refused };
}

describe('dismissing a refused change', () => {
  it('needs a reason, keeps it as a note on the complaint, and takes the item out of Needs attention', async () => {
    const { store, commands, created, refused } = await agentWithRefusedNote();
    expect((await firstValueFrom(rejectedEvents$(store))).map((r) => r.event.id)).toEqual([refused]);

    expect(await commands.dismissRejected(refused, '  ', 'x')).toMatchObject({ ok: false, error: 'invalid' });
    const r = await commands.dismissRejected(refused, '已电话告知客户', '被拒绝的变更已忽略：已电话告知客户');
    expect(r.ok).toBe(true);

    expect(await firstValueFrom(rejectedEvents$(store))).toEqual([]);
    const doc = await store.db.complaints.findOne(created.complaintId).exec();
    expect(doc!.toJSON(true).p.notes.map((n: { text: string }) => n.text)).toContain('被拒绝的变更已忽略：已电话告知客户');
    const kept = await store.userMeta.get<Record<string, { reason: string }>>('attention.dismissed');
    expect(kept?.[refused]?.reason).toBe('已电话告知客户');
  });
});

describe('a dismissal made on one workstation', () => {
  it("leaves Needs attention on the user's other workstations once its note arrives there", async () => {
    const here = await openLocalStore(testUsers.agent);
    const there = await openLocalStore(testUsers.agent);
    stores.push(here, there);
    const commands = bindCommands(() => here);
    const created = await commands.createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const refused = await refusedNote(here, created.complaintId);

    // What the other workstation pulled before the dismissal: the complaint and the refused note.
    const copy = async (id: string, status: 'accepted' | 'rejected') => {
      const doc = (await here.db.events.findOne(id).exec())!.toJSON() as Record<string, unknown>;
      await there.db.events.insert({ ...doc, status } as never);
    };
    await copy(created.eventId, 'accepted');
    await copy(refused, 'rejected');
    await there.projector.idle();
    expect((await firstValueFrom(rejectedEvents$(there))).map((r) => r.event.id)).toEqual([refused]);

    const r = await commands.dismissRejected(refused, '已电话告知客户', '被拒绝的变更已忽略：已电话告知客户');
    if (!r.ok) throw new Error(r.error);
    await copy(r.eventId, 'accepted');
    await there.projector.idle();
    expect(await firstValueFrom(rejectedEvents$(there))).toEqual([]);
  });

  it("is not taken from another user's note naming the same event", async () => {
    const { store, created, refused } = await agentWithRefusedNote();
    const p = projectionOf((await store.db.complaints.findOne(created.complaintId).exec())!);
    const other = { ...p, notes: [...p.notes, { eventId: 'n-x', actorId: 'someone-else', at: p.updatedAt, text: 'x', dismisses: refused }] };
    expect(dismissalsInNotes([other], testUsers.agent.id)[refused]).toBeUndefined();
    expect(dismissalsInNotes([other], 'someone-else')[refused]).toMatchObject({ reason: 'x', noteEventId: 'n-x' });
  });
});
