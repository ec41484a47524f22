import { firstValueFrom } from 'rxjs';
import { describe, expect, it } from 'vitest';
import { bindCommands } from '../commands';
import { closedAfterEach, openLocalStore, sampleIntake, testUsers } from '../test-support';
import { allComplaints$ } from './all-complaints';

const stores = closedAfterEach();

describe('allComplaints$', () => {
  it('answers every folded complaint of the store', async () => {
    const store = await openLocalStore(testUsers.agent);
    stores.push(store);
    expect((await firstValueFrom(allComplaints$(store))).complaints).toEqual([]);
    const created = await bindCommands(() => store).createComplaint(sampleIntake);
    if (!created.ok) throw new Error(created.error);
    await store.projector.idle();
    const { complaints, loading } = await firstValueFrom(allComplaints$(store));
    expect(loading).toBe(false);
    expect(complaints.map((c) => c.id)).toEqual([created.complaintId]);
  });
});
