import type { ServerResponse } from 'node:http';
import type { AuthUser } from '../auth/tokens';
import type { Db } from '../db/db';
import { maxFeedSeq, readFeedSince, visibleTo } from './feed';

/** The notification that tokens were revoked somewhere: every process checks its streams' tokens. */
const REVOKED = 'revoked';

/** Past this much unsent data a subscriber is too slow: it gets RESYNC instead of documents. */
const MAX_BUFFERED_BYTES = 1024 * 1024;
const READ_BATCH = 1000;

interface Subscriber {
  user: AuthUser;
  res: ServerResponse;
  heartbeat: NodeJS.Timeout;
  /** Whether the stream's token still holds (not revoked or expired, the user not disabled). */
  stillValid: () => Promise<boolean>;
  /** Documents were dropped; send RESYNC once the socket drains. */
  behind: boolean;
}

export interface StreamHubOptions {
  heartbeatMs: number;
  onError?: (err: unknown) => void;
}

/**
 * Live event fan-out for this process. Commits anywhere (this process, or
 * another one, told through LISTEN/NOTIFY) poke the hub; it reads the feed
 * after the last sequence it dispatched, once for all subscribers, and sends
 * each subscriber the rows it may see with the feed sequence as checkpoint,
 * the same checkpoint pull uses.
 */
export class StreamHub {
  private readonly subscribers = new Set<Subscriber>();
  private lastSeq = 0;
  private draining: Promise<void> | null = null;
  /** Counts subscriptions, so a read that raced with one is not trusted to skip rows. */
  private joined = 0;
  private again = false;
  private closed = false;
  private unlisten: (() => Promise<void>) | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: StreamHubOptions,
  ) {}

  async start(): Promise<void> {
    this.lastSeq = await maxFeedSeq(this.db);
    this.unlisten = await this.db.listen(
      (payload) => (payload === REVOKED ? this.recheckTokens() : this.poke()),
      // Notifications may have been lost while disconnected: tell clients to pull.
      () => {
        this.resyncAll();
        this.poke();
      },
    );
  }

  get size(): number {
    return this.subscribers.size;
  }

  /** Something was committed: read and fan out (coalesced; never two reads at once). */
  poke(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain()
      .catch((err) => {
        this.options.onError?.(err);
        this.resyncAll();
      })
      .finally(() => {
        this.draining = null;
        if (this.again) {
          this.again = false;
          this.poke();
        }
      });
  }

  /** Resolves when every poke so far has been fanned out (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    if (!this.subscribers.size) {
      // Nobody to send to: move the mark without reading documents. Sequence
      // order is commit order, so the highest sequence is a safe mark; unless
      // someone subscribed meanwhile, who must get what was committed after joining.
      const joined = this.joined;
      const max = await maxFeedSeq(this.db);
      if (this.joined === joined) {
        this.lastSeq = Math.max(this.lastSeq, max);
        return;
      }
    }
    for (;;) {
      const rows = await readFeedSince(this.db, this.lastSeq, READ_BATCH);
      if (!rows.length) return;
      const checkpoint = (rows[rows.length - 1] as { fseq: number }).fseq;
      for (const sub of this.subscribers) {
        const docs = rows.filter((r) => visibleTo(sub.user, r)).map((r) => r.json);
        if (docs.length) this.send(sub, `{"documents":[${docs.join(',')}],"checkpoint":{"seq":${checkpoint}}}`);
      }
      this.lastSeq = checkpoint;
      if (rows.length < READ_BATCH) return;
    }
  }

  private send(sub: Subscriber, data: string): void {
    if (sub.behind) return;
    if (sub.res.writableLength > MAX_BUFFERED_BYTES) {
      sub.behind = true;
      sub.res.once('drain', () => {
        sub.behind = false;
        this.write(sub, '"RESYNC"');
      });
      return;
    }
    this.write(sub, data);
  }

  private write(sub: Subscriber, data: string): void {
    if (sub.res.writableEnded || sub.res.destroyed) return;
    sub.res.write(`data: ${data}\n\n`);
  }

  /**
   * Call after revoking tokens (logout, a user disabled or their password,
   * role or branch changed), once the revocation is committed: every stream
   * whose token no longer holds ends now, here and in every other process
   * on the same database, rather than at its next heartbeat.
   */
  async tokensRevoked(): Promise<void> {
    this.recheckTokens();
    await this.db.notify(REVOKED).catch((err: unknown) => this.options.onError?.(err));
  }

  private recheckTokens(): void {
    for (const sub of this.subscribers) this.endUnlessValid(sub);
  }

  private endUnlessValid(sub: Subscriber): void {
    sub.stillValid().then(
      (ok) => {
        if (!ok) sub.res.end();
      },
      () => undefined,
    );
  }

  resyncAll(): void {
    for (const sub of this.subscribers) this.write(sub, '"RESYNC"');
  }

  /** Takes over an HTTP response as an event stream for this user until either side closes it. */
  subscribe(
    user: AuthUser,
    res: ServerResponse,
    headers: Record<string, string>,
    /** Checked at each heartbeat and when tokens are revoked: a revoked or expired token ends the stream. */
    stillValid: () => Promise<boolean> = async () => true,
  ): void {
    res.writeHead(200, {
      ...headers,
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.socket?.setNoDelay(true);
    res.socket?.setKeepAlive(true);
    // The comment flushes the headers at once, so the client knows the stream is open.
    res.write(': connected\n\n');
    const sub: Subscriber = {
      user,
      res,
      behind: false,
      stillValid,
      heartbeat: setInterval(() => {
        if (res.writableEnded || res.destroyed) return;
        res.write(': heartbeat\n\n');
        this.endUnlessValid(sub);
      }, this.options.heartbeatMs),
    };
    sub.heartbeat.unref();
    this.joined++;
    this.subscribers.add(sub);
    const remove = () => {
      clearInterval(sub.heartbeat);
      this.subscribers.delete(sub);
    };
    res.on('close', remove);
    res.on('error', remove);
  }

  /** Ends every stream (shutdown) and stops listening. */
  async close(): Promise<void> {
    this.closed = true;
    for (const sub of this.subscribers) {
      clearInterval(sub.heartbeat);
      sub.res.end();
    }
    this.subscribers.clear();
    await this.settled().catch(() => undefined);
    if (this.unlisten) await this.unlisten();
  }
}
