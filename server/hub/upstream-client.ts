import type { z } from 'zod';
import { loginAnswerSchema } from '../../shared/protocol/auth';
import { pullPageSchema, type PullPage } from '../../shared/protocol/events';
import { hubDirectorySchema, relayAnswerSchema, type HubDirectory, type RelayVerdict } from '../../shared/protocol/hub';
import type { UpstreamConfig } from '../config';

/** Central could not be reached, or answered something other than what the protocol promises. */
export class UpstreamError extends Error {
  override name = 'UpstreamError';
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

type Fetch = typeof fetch;

/**
 * The hub's HTTP client for the central server: signs in as the hub's
 * account (again whenever central says the token is gone), and speaks the
 * relay, check-in and pull. Every answer is checked against the wire
 * contract; a request that takes longer than `timeoutMs` counts as the link
 * being down.
 */
export class UpstreamClient {
  private token: string | null = null;

  constructor(
    private readonly config: Pick<UpstreamConfig, 'url' | 'username' | 'password' | 'timeoutMs'>,
    private readonly fetchImpl: Fetch = fetch,
  ) {}

  /** The hub account's user id and branch, once signed in. */
  account: { id: string; branchId: string } | null = null;

  async signIn(): Promise<void> {
    const answer = await this.call('POST', '/api/auth/login', loginAnswerSchema, { username: this.config.username, password: this.config.password }, false);
    if (answer.user.role !== 'hub' || !answer.user.branchId) {
      throw new UpstreamError(`The account ${this.config.username} is not a branch hub account (role hub with a branch)`);
    }
    this.token = answer.token;
    this.account = { id: answer.user.id, branchId: answer.user.branchId };
  }

  checkin(pendingUp: number): Promise<HubDirectory> {
    return this.authed('POST', '/api/sync/hub/checkin', hubDirectorySchema, { pendingUp });
  }

  async relay(events: readonly unknown[]): Promise<RelayVerdict[]> {
    return (await this.authed('POST', '/api/sync/relay', relayAnswerSchema, { events })).verdicts;
  }

  pull(seq: number, limit: number): Promise<PullPage> {
    return this.authed('GET', `/api/sync/events/pull?seq=${seq}&limit=${limit}`, pullPageSchema);
  }

  /** Signed in first when needed; once more after a 401 (the token expired or was revoked). */
  private async authed<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
    if (!this.token) await this.signIn();
    try {
      return await this.call(method, path, schema, body, true);
    } catch (err) {
      if (!(err instanceof UpstreamError) || err.status !== 401) throw err;
      this.token = null;
      await this.signIn();
      return this.call(method, path, schema, body, true);
    }
  }

  private async call<T>(method: string, path: string, schema: z.ZodType<T>, body: unknown, withToken: boolean): Promise<T> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (withToken && this.token) headers.authorization = `Bearer ${this.token}`;
    let res: Response;
    let text: string;
    try {
      res = await this.fetchImpl(`${this.config.url}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      text = await res.text();
    } catch (err) {
      throw new UpstreamError(`The central server cannot be reached: ${(err as Error).message}`);
    }
    if (!res.ok) {
      if (res.status === 401 && withToken) this.token = null;
      throw new UpstreamError(`The central server answered ${method} ${path} with ${res.status}`, res.status);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new UpstreamError(`The central server's answer to ${method} ${path} is not JSON`, res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new UpstreamError(`The central server's answer to ${method} ${path} is not what the protocol says`, res.status);
    return parsed.data;
  }
}
