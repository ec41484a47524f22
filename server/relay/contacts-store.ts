import { HUB_CONTACT_STALE_MS, type HubLink } from '../../shared/protocol/hub';
import type { Sql } from '../db/db';

/** A hub checked in: when, and how many of its events were still waiting to be relayed. */
export async function recordContact(db: Sql, hubId: string, pendingUp: number, now: Date = new Date()): Promise<void> {
  await db.query(
    `insert into hub_contacts (user_id, last_contact_at, pending_up) values ($1, $2, $3)
     on conflict (user_id) do update set last_contact_at = excluded.last_contact_at, pending_up = excluded.pending_up`,
    [hubId, now.toISOString(), pendingUp],
  );
}

/** Every hub account (of one branch, or all) with its last check-in; connected = heard from recently. */
export async function listHubLinks(db: Sql, branchId: string | null, now: Date = new Date()): Promise<HubLink[]> {
  const rows = await db.query<{ id: string; username: string; branch_id: string | null; last_contact_at: Date | string | null; pending_up: unknown }>(
    `select u.id, u.username, u.branch_id, c.last_contact_at, c.pending_up
       from users u left join hub_contacts c on c.user_id = u.id
      where u.role = 'hub' and not u.disabled and ($1::text is null or u.branch_id = $1)
      order by u.branch_id, u.username`,
    [branchId],
  );
  return rows.map((r) => {
    const last = r.last_contact_at === null ? null : new Date(r.last_contact_at);
    return {
      id: r.id,
      username: r.username,
      branchId: r.branch_id,
      connected: last !== null && now.getTime() - last.getTime() < HUB_CONTACT_STALE_MS,
      lastContactAt: last ? last.toISOString() : null,
      pendingUp: r.pending_up === null ? null : Number(r.pending_up),
    };
  });
}
