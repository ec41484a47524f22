import type { EventEnvelope, StoredEvent } from '../../shared/events/envelope';

/** The few sync-protocol calls benchmarks and the chaos harness make directly. */
export interface LoginUser {
  id: string;
  username: string;
  role: string;
  branchId: string;
}

export interface Session {
  token: string;
  user: LoginUser;
}

export const DEMO_PASSWORD = 'demo1234';

export async function login(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Session;
}

export interface PushRow {
  assumedMasterState: StoredEvent | null;
  newDocumentState: EventEnvelope;
}

/** Pushes new events (no assumed master); returns the conflicting master documents. */
export async function pushEvents(baseUrl: string, token: string, events: readonly EventEnvelope[]): Promise<StoredEvent[]> {
  const rows: PushRow[] = events.map((e) => ({ assumedMasterState: null, newDocumentState: e }));
  const body = JSON.stringify(rows);
  const send = () =>
    fetch(`${baseUrl}/api/sync/events/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body,
    });
  // A push is idempotent: one the network dropped is sent again, as a workstation does (a full
  // run's seeding of 550,000 events once failed with `fetch failed` on a loaded machine). Events
  // the lost attempt stored come back as conflicts, which is what they are.
  let res: Response | null = null;
  for (let attempt = 1; !res; attempt += 1) {
    try {
      res = await send();
    } catch (err) {
      if (attempt >= 4) throw err;
      await new Promise((r) => setTimeout(r, 1000 * attempt));
    }
  }
  if (!res.ok) throw new Error(`push: ${res.status} ${await res.text()}`);
  return (await res.json()) as StoredEvent[];
}

export interface PullPage {
  documents: StoredEvent[];
  checkpoint: { seq: number } | null;
}

export async function pullEvents(baseUrl: string, token: string, seq: number | null, limit: number): Promise<PullPage> {
  const query = new URLSearchParams({ limit: String(limit) });
  if (seq !== null) query.set('seq', String(seq));
  const res = await fetch(`${baseUrl}/api/sync/events/pull?${query}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`pull: ${res.status} ${await res.text()}`);
  return (await res.json()) as PullPage;
}

/** Every event the caller may see, page by page from the start. */
export async function pullAll(baseUrl: string, token: string, limit = 1000): Promise<StoredEvent[]> {
  const out: StoredEvent[] = [];
  let seq: number | null = null;
  for (;;) {
    const page = await pullEvents(baseUrl, token, seq, limit);
    out.push(...page.documents);
    if (page.checkpoint) seq = page.checkpoint.seq;
    if (page.documents.length < limit) return out;
  }
}

/**
 * Orders complaint histories for seeding in rounds: every complaint's first
 * event, then every second event, ... so an event never reaches the server
 * before its complaint's earlier ones; within a round, one actor's events
 * stay together so they go in large batches.
 */
export function seedOrder(histories: readonly (readonly EventEnvelope[])[]): EventEnvelope[] {
  const out: EventEnvelope[] = [];
  const longest = Math.max(0, ...histories.map((h) => h.length));
  for (let k = 0; k < longest; k++) {
    const round: EventEnvelope[] = [];
    for (const h of histories) {
      const e = h[k];
      if (e) round.push(e);
    }
    round.sort((a, b) => (a.actorId < b.actorId ? -1 : a.actorId > b.actorId ? 1 : 0));
    out.push(...round);
  }
  return out;
}

/** Pushes events grouped by actor, each group under that actor's own session (the server checks actor = caller). */
export async function seedEvents(
  baseUrl: string,
  sessionsByActor: ReadonlyMap<string, Session>,
  events: readonly EventEnvelope[],
  batchSize = 500,
): Promise<{ pushed: number; conflicts: number }> {
  let conflicts = 0;
  let batch: EventEnvelope[] = [];
  let batchActor: string | null = null;
  const flush = async () => {
    if (batch.length === 0 || batchActor === null) return;
    const session = sessionsByActor.get(batchActor);
    if (!session) throw new Error(`no session for actor ${batchActor}`);
    conflicts += (await pushEvents(baseUrl, session.token, batch)).length;
    batch = [];
  };
  // Events keep their global order; a batch holds a run of one actor's events.
  for (const event of events) {
    if (event.actorId !== batchActor || batch.length >= batchSize) {
      await flush();
      batchActor = event.actorId;
    }
    batch.push(event);
  }
  await flush();
  return { pushed: events.length, conflicts };
}
