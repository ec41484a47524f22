import type { StoredEvent } from '../../shared/events/envelope';
import { pullAll, type Session } from '../../bench/lib/api-client';
import type { ClientSnapshot } from './chaos-client-protocol';
import { canonicalJson } from '../../shared/json/canonical-json';
import { firstDifference } from './first-difference';

/**
 * The end-of-run checks: the server and every client hold the same accepted
 * events with the same content, each author's rejected events are rejected
 * on both sides, no event any client wrote is missing, nothing is left
 * pending, and every client's projection equals the server's, field for field.
 */

const ENVELOPE_FIELDS = ['id', 'complaintId', 'type', 'actorId', 'branchId', 'hlc', 'occurredAt', 'payload', 'v'] as const;

function envelopeOf(e: Record<string, unknown>): string {
  return canonicalJson(Object.fromEntries(ENVELOPE_FIELDS.map((k) => [k, e[k]])));
}

export interface Written {
  clientIndex: number;
  event: { id: string } & Record<string, unknown>;
}

export interface Verdict {
  problems: string[];
  stats: { serverAccepted: number; written: number; rejected: number; complaints: number };
  /** Each complaint's branch now, by the server's projection. */
  branchOf: Record<string, string>;
}

async function fetchProjection(url: string, token: string, id: string): Promise<unknown> {
  const res = await fetch(`${url}/api/complaints/${encodeURIComponent(id)}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) return { error: res.status };
  return res.json();
}

export interface ClientState {
  index: number;
  /** Named in findings; `client <index>` unless given (the hub itself). */
  label?: string;
  /** This client's user signed in at the reference server (`url`): its view there is what the client must hold. */
  session: Session;
  snapshot: ClientSnapshot;
  /**
   * Behind a branch hub: the hub's branch. The client must hold the
   * complaints in that branch now (the hub drops those that left), and with
   * `strict` (the hub itself) none of any other branch.
   */
  scope?: { branchId: string; strict: boolean };
}

export async function verifyConvergence(url: string, viewer: Session, clients: readonly ClientState[], written: readonly Written[]): Promise<Verdict> {
  const problems: string[] = [];
  const note = (p: string) => {
    if (problems.length < 30) problems.push(p);
  };
  const serverAll = await pullAll(url, viewer.token, 1000);
  const serverAccepted = new Map<string, StoredEvent>();
  const bySeq = new Map(serverAll.map((e) => [e.seq, e]));
  // When a neighbour in the feed was received: an event committed out of feed order shows here.
  const receivedNear = (seq: number | undefined) =>
    seq === undefined ? '' : [seq - 1, seq, seq + 1].map((s) => `${s}@${bySeq.get(s)?.receivedAt?.slice(11) ?? '-'}`).join(' ');
  for (const e of serverAll) if (e.status === 'accepted') serverAccepted.set(e.id, e);

  // Nothing written is lost: each author's pull shows each of its events, accepted or rejected.
  const byAuthor = new Map<number, Map<string, StoredEvent>>();
  const anyView = new Map<string, StoredEvent>();
  for (const c of clients) {
    const pulled = await pullAll(url, c.session.token, 1000);
    byAuthor.set(c.index, new Map(pulled.map((e) => [e.id, e])));
    for (const e of pulled) if (!anyView.has(e.id) || e.status === 'rejected') anyView.set(e.id, e);
  }
  let rejected = 0;
  for (const w of written) {
    const onServer = byAuthor.get(w.clientIndex)?.get(w.event.id);
    if (!onServer) {
      note(`lost: event ${w.event.id} (${String(w.event.type)}) written by client ${w.clientIndex} is not on the server`);
      continue;
    }
    if (envelopeOf(onServer as unknown as Record<string, unknown>) !== envelopeOf(w.event)) note(`altered: event ${w.event.id} differs on the server from what client ${w.clientIndex} wrote`);
    if (onServer.status === 'rejected') rejected++;
  }

  // Projections: the server's fold of each complaint, and the branch each complaint is in now.
  const complaintIds = [...new Set([...serverAccepted.values()].map((e) => e.complaintId))].sort();
  const serverProjections = new Map<string, unknown>();
  for (const id of complaintIds) serverProjections.set(id, await fetchProjection(url, viewer.token, id));
  const branchNow = (id: string) => (serverProjections.get(id) as { branchId?: string } | undefined)?.branchId;

  for (const c of clients) {
    const who = c.label ?? `client ${c.index}`;
    const inScope = (complaintId: string) => !c.scope || branchNow(complaintId) === c.scope.branchId;
    const local = c.snapshot.events;
    const localById = new Map(local.map((e) => [e.id, e]));
    const pending = local.filter((e) => e.status === 'pending');
    if (pending.length) note(`${who}: ${pending.length} event(s) still pending (e.g. ${pending[0]?.id})`);
    // The highest server sequence this client holds: an event below it that it lacks was skipped, not just late.
    const maxSeq = Math.max(0, ...local.map((e) => (typeof e.seq === 'number' ? e.seq : 0)));
    const own = byAuthor.get(c.index) ?? new Map<string, StoredEvent>();
    for (const e of own.values()) {
      if (e.status !== 'accepted' || !inScope(e.complaintId)) continue;
      const mine = localById.get(e.id);
      const where = `server seq ${e.seq}, client's highest seq ${maxSeq}, author client ${written.find((w) => w.event.id === e.id)?.clientIndex ?? '?'}, received ${receivedNear(e.seq)}`;
      if (!mine) note(`${who}: missing accepted event ${e.id} (${e.type}; ${where})`);
      else if (mine.status !== 'accepted') note(`${who}: event ${e.id} is ${mine.status} locally, accepted on the server (${e.type}; ${where})`);
      else if (envelopeOf(mine as unknown as Record<string, unknown>) !== envelopeOf(e as unknown as Record<string, unknown>)) note(`${who}: event ${e.id} content differs from the server's`);
    }
    for (const e of local) {
      if (serverAccepted.has(e.id)) continue;
      const server = own.get(e.id) ?? anyView.get(e.id);
      if (e.status === 'accepted') note(`${who}: event ${e.id} (${e.type}) accepted locally but not among the server's accepted events (${server?.status ?? 'absent'} there)`);
      else if (e.status === 'rejected' && server?.status !== 'rejected') note(`${who}: event ${e.id} rejected locally but ${server?.status ?? 'absent'} on the server`);
    }

    const localProjections = new Map(c.snapshot.complaints.map((d) => [d.id, d.projection]));
    const theirs = new Set([...own.values()].filter((e) => e.status === 'accepted').map((e) => e.complaintId));
    for (const id of complaintIds) {
      if (!theirs.has(id) || !inScope(id)) continue;
      const mine = localProjections.get(id);
      if (mine === undefined) {
        note(`${who}: no projection of complaint ${id}`);
        continue;
      }
      const diff = firstDifference(serverProjections.get(id), mine);
      if (diff) note(`${who}: projection of ${id} differs from the server's at ${diff}`);
    }
    for (const id of localProjections.keys()) {
      if (!serverProjections.has(id)) note(`${who}: projection of ${id} that the server does not have`);
      else if (c.scope?.strict && !inScope(id)) note(`${who}: holds complaint ${id} of branch ${branchNow(id)}, outside its branch ${c.scope.branchId}`);
    }
  }
  const branchOf = Object.fromEntries(complaintIds.map((id) => [id, branchNow(id) ?? '']));
  return { problems, stats: { serverAccepted: serverAccepted.size, written: written.length, rejected, complaints: complaintIds.length }, branchOf };
}
