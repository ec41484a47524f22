// Test support: the sync protocol over real HTTP (fetch), for servers running in another process.
import { DEMO_PASSWORD } from '../../server/seed/demo';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export class HttpApi {
  constructor(readonly url: string) {}

  async request(method: string, path: string, options: { token?: string; body?: unknown } = {}): Promise<{ status: number; json: Json }> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${this.url}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await res.text();
    let json: Json;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, json };
  }

  async login(username: string, password = DEMO_PASSWORD): Promise<{ token: string; user: Json }> {
    const res = await this.request('POST', '/api/auth/login', { body: { username, password } });
    if (res.status !== 200) throw new Error(`login ${username} at ${this.url} → ${res.status}`);
    return res.json;
  }

  async push(token: string, docs: unknown[]): Promise<Json[]> {
    const res = await this.request('POST', '/api/sync/events/push', {
      token,
      body: docs.map((d) => ({ assumedMasterState: null, newDocumentState: d })),
    });
    if (res.status !== 200) throw new Error(`push → ${res.status}`);
    return res.json;
  }

  async pullAll(token: string, seq = 0): Promise<{ documents: Json[]; seq: number }> {
    const documents: Json[] = [];
    let cp = seq;
    for (;;) {
      const res = await this.request('GET', `/api/sync/events/pull?seq=${cp}&limit=1000`, { token });
      if (res.status !== 200) throw new Error(`pull → ${res.status}`);
      documents.push(...res.json.documents);
      cp = res.json.checkpoint.seq;
      if (res.json.documents.length < 1000) return { documents, seq: cp };
    }
  }

  async upstream(): Promise<Json> {
    return (await this.request('GET', '/health')).json.upstream;
  }
}
