import { pullAll, type Session } from '../../bench/lib/api-client';
import { defaultConfig } from '../../server/config';
import { openDb } from '../../server/db/open-db';
import type { ClientSnapshot } from './chaos-client-protocol';

/**
 * The branch hub seen as one more replica for the convergence checks: the
 * events its branch's users pull from it (everyone's accepted ones, and each
 * workstation user's own rejected ones), and its projection of each
 * complaint it answers for.
 */
export async function hubSnapshot(hubUrl: string, sessions: readonly Session[], complaintIds: readonly string[]): Promise<ClientSnapshot> {
  const events = new Map<string, ClientSnapshot['events'][number]>();
  for (const s of sessions) {
    for (const e of await pullAll(hubUrl, s.token, 1000)) events.set(e.id, e as unknown as ClientSnapshot['events'][number]);
  }
  const viewer = sessions[0] as Session;
  const complaints: ClientSnapshot['complaints'] = [];
  for (const id of complaintIds) {
    const res = await fetch(`${hubUrl}/api/complaints/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${viewer.token}` } });
    if (res.status === 404) continue;
    if (!res.ok) throw new Error(`hub GET complaint ${id} → ${res.status}`);
    complaints.push({ id, projection: (await res.json()) as Record<string, unknown> });
  }
  return { events: [...events.values()], complaints };
}

/**
 * Nothing of another branch in the hub's database, read from its files once
 * it has stopped: no complaint row of another branch, and of a complaint now
 * in another branch (`elsewhere`, by central's word) no accepted event but
 * the transfers that tell the branch it left.
 */
export async function foreignRowsOnHub(dataDir: string, branchId: string, elsewhere: readonly string[]): Promise<string[]> {
  const db = await openDb({ ...defaultConfig, dataDir, databaseUrl: undefined });
  try {
    const complaints = await db.query<{ id: string; branch_id: string }>('select id, branch_id from complaints where branch_id <> $1', [branchId]);
    const events = await db.query<{ id: string; complaint_id: string; type: string }>(
      `select id, complaint_id, type from events where complaint_id = any($1::text[]) and status = 'accepted' and type <> 'complaint.transferred'`,
      [elsewhere],
    );
    return [
      ...complaints.map((c) => `hub: stores complaint ${c.id} of branch ${c.branch_id}`),
      ...events.slice(0, 10).map((e) => `hub: stores accepted event ${e.id} (${e.type}) of complaint ${e.complaint_id}, now in another branch`),
    ];
  } finally {
    await db.close();
  }
}
