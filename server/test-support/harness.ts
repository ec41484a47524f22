import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { createServer, type HotlineServer } from '../app';
import type { ServerConfig } from '../config';
import { EVENT_SCHEMA_VERSION, type EventType, type PayloadOf } from '../../shared/events/catalogue';
import { samplePayloads } from '../../shared/test-support/sample-payloads';
import type { EventEnvelope } from '../../shared/events/envelope';
import { createClock, tick, type HlcClock } from '../../shared/hlc/hlc';
import { DEMO_PASSWORD } from '../seed/demo';
import { dropSchema, freshSchemaName } from './pg-schema';

/**
 * Starting servers for tests, end-to-end runs, benchmarks and chaos
 * harnesses: in-process on embedded PGlite in memory, or on PostgreSQL in a
 * fresh schema of DATABASE_URL (dropped again by cleanup), so parallel test
 * files never see each other's data.
 */
export type StorageKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export function storageKinds(env: Record<string, string | undefined> = process.env): StorageKind[] {
  return env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export const TEST_DEFAULTS: Partial<ServerConfig> = {
  logLevel: 'silent',
  seedDemo: true,
  // Real scrypt with a small cost: the demo users log in many times per test file.
  scryptCost: 1024,
  deadlineWatchIntervalMs: 0,
  retentionWatchIntervalMs: 0,
  heartbeatMs: 500,
  port: 0,
  host: '127.0.0.1',
  loginMaxFailures: 50,
};

export interface TestServer {
  server: HotlineServer;
  storage: StorageKind;
  schema: string | undefined;
  /** Closes the server and drops its schema. */
  cleanup(): Promise<void>;
}

export async function startTestServer(
  storage: StorageKind,
  overrides: Partial<ServerConfig> = {},
  env: Record<string, string | undefined> = process.env,
): Promise<TestServer> {
  const url = env.DATABASE_URL;
  if (storage === 'postgres' && !url) throw new Error('DATABASE_URL is not set');
  const schema = storage === 'postgres' ? (overrides.databaseSchema ?? freshSchemaName()) : undefined;
  const server = await createServer({
    ...TEST_DEFAULTS,
    dataDir: 'memory://',
    databaseUrl: storage === 'postgres' ? url : undefined,
    databaseSchema: schema,
    ...overrides,
  });
  return {
    server,
    storage,
    schema,
    async cleanup() {
      await server.close();
      if (storage === 'postgres' && url && schema && !overrides.databaseSchema) await dropSchema(url, schema);
    },
  };
}

/** Parsed response JSON in tests, where every shape is asserted field by field anyway. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/** Minimal HTTP client over fastify.inject. */
export class ApiClient {
  /** The server, or how to find it once started (a suite's server starts in its beforeAll). */
  constructor(private readonly target: HotlineServer | (() => HotlineServer)) {}

  private get server(): HotlineServer {
    return typeof this.target === 'function' ? this.target() : this.target;
  }

  async request(method: string, url: string, options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let payload: string | undefined;
    if (options.raw !== undefined) payload = options.raw;
    else if (options.body !== undefined) payload = JSON.stringify(options.body);
    if (payload !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const res = await this.server.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload !== undefined ? { payload } : {}),
    });
    let json: unknown = undefined;
    try {
      json = res.body ? JSON.parse(res.body) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.statusCode, json: json as Json, body: res.body, headers: res.headers };
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<{ token: string; user: LoggedInUser }> {
    const res = await this.request('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} → ${res.status} ${res.body}`);
    return res.json;
  }

  push(token: string, docs: unknown[]) {
    return this.request('POST', '/api/sync/events/push', {
      token,
      body: docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
    });
  }

  pull(token: string, seq?: number, limit?: number) {
    const q = new URLSearchParams();
    if (seq !== undefined) q.set('seq', String(seq));
    if (limit !== undefined) q.set('limit', String(limit));
    return this.request('GET', `/api/sync/events/pull?${q}`, { token });
  }

  /** Pulls until caught up; returns every document and the final checkpoint. */
  async pullAll(token: string, seq = 0, limit = 1000): Promise<{ documents: Json[]; seq: number }> {
    const documents: Json[] = [];
    let cp = seq;
    for (;;) {
      const res = await this.pull(token, cp, limit);
      if (res.status !== 200) throw new Error(`pull → ${res.status} ${res.body}`);
      documents.push(...res.json.documents);
      cp = res.json.checkpoint.seq;
      if (res.json.documents.length < limit) return { documents, seq: cp };
    }
  }
}

export interface LoggedInUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  branchId: string;
  teamId: string | null;
}

/** Builds valid events for a user, with a fresh id and a ticking HLC. */
export class EventFactory {
  private clock: HlcClock;
  constructor(nodeId: string = randomBytes(8).toString('hex')) {
    this.clock = createClock(nodeId);
  }

  make<T extends EventType>(
    type: T,
    opts: { complaintId: string; actorId: string; branchId: string; payload?: PayloadOf<T>; id?: string; at?: Date },
  ): EventEnvelope {
    const at = opts.at ?? new Date();
    // No skew bound here: tests stamp at whatever time they pretend it is, in any order.
    const next = tick(this.clock, at.getTime(), { maxSkewMs: Number.MAX_SAFE_INTEGER / 2 });
    this.clock = next.clock;
    return {
      id: opts.id ?? uuidv7(),
      complaintId: opts.complaintId,
      type,
      actorId: opts.actorId,
      branchId: opts.branchId,
      hlc: next.stamp,
      occurredAt: at.toISOString(),
      payload: (opts.payload ?? samplePayloads[type]) as Record<string, unknown>,
      v: EVENT_SCHEMA_VERSION,
      _deleted: false,
    };
  }

  /** A complaint.created with a unique number. */
  created(user: { id: string; branchId: string }, opts: { complaintId?: string; at?: Date; grade?: 1 | 2 | 3 | 4 } = {}): EventEnvelope {
    const complaintId = opts.complaintId ?? uuidv7();
    const at = opts.at ?? new Date();
    const payload = {
      ...samplePayloads['complaint.created'],
      number: `${user.branchId.toUpperCase()}-${complaintId.slice(-12)}`,
      receivedAt: at.toISOString(),
      ...(opts.grade ? { grade: opts.grade } : {}),
    };
    return this.make('complaint.created', { complaintId, actorId: user.id, branchId: user.branchId, payload, at });
  }
}
