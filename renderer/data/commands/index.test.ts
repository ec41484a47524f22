import { describe, expect, it } from 'vitest';
import { samplePayloads } from '../../../shared/test-support/sample-payloads';
import { validateEvent } from '../../../shared/events/validate';
import { parseComplaintNumber } from '../../../shared/numbers/complaint-number';
import { bindCommands, type CreateComplaintInput } from '.';
import type { DataStore } from '../store';
import { openLocalStore, testUsers, sampleIntake, closedAfterEach } from '../test-support';
import { toStoredEvent, plainEvent } from '../projection/event-conversion';
import type { EventDoc } from '../schema/events-schema';
import type { SessionUser } from '../types/session';
const input: CreateComplaintInput = sampleIntake;

const stores = closedAfterEach();

async function open(user: SessionUser = testUsers.agent, now?: () => number) {
  const store = await openLocalStore(user, now ? { now } : {});
  stores.push(store);
  return { store, commands: bindCommands(() => store) };
}

async function eventsOf(store: DataStore, complaintId: string) {
  const docs = await store.db.events.find({ selector: { complaintId }, sort: [{ hlc: 'asc' }] }).exec();
  return docs.map((d) => plainEvent(d.toJSON() as EventDoc & Record<string, unknown>));
}

describe('commands', () => {
  it('createComplaint writes a valid pending event, a readable number and the projection', async () => {
    const { store, commands } = await open();
    const result = await commands.createComplaint(input);
    if (!result.ok) throw new Error(result.error);
    const parsed = parseComplaintNumber(result.number);
    expect(parsed?.branchCode).toBe('GZ');
    expect(parsed?.counter).toBe(1);

    const [event] = await eventsOf(store, result.complaintId);
    expect(event?.status).toBe('pending');
    expect(event?.actorId).toBe(testUsers.agent.id);
    expect(validateEvent(toStoredEvent(event!)).ok).toBe(true);

    const doc = await store.db.complaints.findOne(result.complaintId).exec();
    expect(doc?.number).toBe(result.number);
    expect(doc?.status).toBe('registered');
    expect(doc?.ownerId).toBe(testUsers.agent.id);
    expect(doc?.nextDue).not.toBe('');

    const second = await commands.createComplaint(input);
    expect(second.ok && parseComplaintNumber(second.number)?.counter).toBe(2);
  });

  it('refuses what the role may not write and what does not exist, without writing', async () => {
    const { store, commands } = await open();
    const created = await commands.createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    expect(await commands.transfer(created.complaintId, 'dg', 'jurisdiction')).toMatchObject({ ok: false, error: 'forbidden' });
    expect(await commands.addNote('no-such-complaint', 'x')).toMatchObject({ ok: false, error: 'not_found' });
    expect(await commands.addNote(created.complaintId, '   ')).toMatchObject({ ok: false, error: 'invalid' });
    expect(await store.db.events.count().exec()).toBe(1);
  });

  it('refuses a receipt outside the policy window as the server would, without writing', async () => {
    const { store, commands } = await open();
    for (const receivedAt of ['0000-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      const result = await commands.createComplaint({ ...input, receivedAt });
      expect(result).toMatchObject({ ok: false, error: 'invalid', code: 'date_out_of_range' });
    }
    expect(await store.db.events.count().exec()).toBe(0);
    expect((await commands.createComplaint({ ...input, receivedAt: new Date(Date.now() - 86_400_000).toISOString() })).ok).toBe(true);
  });

  it('escalate goes one rung up with the reason in the note', async () => {
    const { store, commands } = await open();
    const created = await commands.createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const result = await commands.escalate(created.complaintId, { reason: '客户情绪激动' });
    expect(result.ok).toBe(true);
    const doc = await store.db.complaints.findOne(created.complaintId).exec();
    expect(doc?.escalationLevel).toBe(1);
    const events = await eventsOf(store, created.complaintId);
    expect(events[1]?.payload).toMatchObject({ fromLevel: 0, toLevel: 1, reason: 'request', note: '客户情绪激动' });
  });

  it('requestRefund takes withinAuthority from the policy, not the caller', async () => {
    const { store, commands } = await open();
    const created = await commands.createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const limit = store.referenceStore.current().policy.refund.authorityAmount;
    await commands.requestRefund(created.complaintId, { amount: limit + 1, reason: '多收费', withinAuthority: true });
    const events = await eventsOf(store, created.complaintId);
    expect(events.at(-1)?.payload).toMatchObject({ withinAuthority: false, amount: limit + 1 });
  });

  it('callback spacing: an attempt sooner than callbackMinSpacingHours is recorded and flagged as on the server, and none after the attempts are used up', async () => {
    let now = Date.parse('2026-11-23T02:00:00.000Z');
    const { store, commands } = await open(testUsers.supervisor, () => now);
    const created = await commands.createComplaint(input);
    if (!created.ok) throw new Error(created.error);
    const id = created.complaintId;
    expect(await commands.logCallbackAttempt(id, { reached: false, serial: 'S-0' })).toMatchObject({ error: 'not_allowed_now' });
    await commands.recordSoothing(id, samplePayloads['soothing.recorded']);
    await commands.fileWorkOrder(id, { subject: '投诉申告-服务质量-10086热线' });
    await commands.notifyParties(id, { agentIds: [testUsers.agent.id], leadIds: [testUsers.lead.id] });
    expect((await store.db.complaints.findOne(id).exec())?.status).toBe('callback_pending');
    expect((await commands.logCallbackAttempt(id, { reached: false, serial: 'S-1' })).ok).toBe(true);
    expect((await store.db.complaints.findOne(id).exec())?.p.flags.callbackSpacingViolated).toBe(false);
    now += 60 * 60_000;
    expect((await commands.logCallbackAttempt(id, { reached: false, serial: 'S-2' })).ok).toBe(true);
    expect((await store.db.complaints.findOne(id).exec())?.p.flags.callbackSpacingViolated).toBe(true);
    now += store.referenceStore.current().policy.secondResolution.callbackMinSpacingHours * 3_600_000;
    expect((await commands.logCallbackAttempt(id, { reached: false, serial: 'S-3' })).ok).toBe(true);
    // The third unreached attempt handed it back to the officer: a fourth is refused.
    now += store.referenceStore.current().policy.secondResolution.callbackMinSpacingHours * 3_600_000;
    expect(await commands.logCallbackAttempt(id, { reached: false, serial: 'S-4' })).toMatchObject({ ok: false });
  });

  it('a signed-out workstation writes nothing', async () => {
    const { store } = await open();
    await store.session.signOut();
    const ws = { current: () => null };
    expect(await bindCommands(ws.current).createComplaint(input)).toMatchObject({ ok: false, error: 'not_signed_in' });
    expect(await bindCommands(() => store).createComplaint(input)).toMatchObject({ ok: false, error: 'not_signed_in' });
  });
});
