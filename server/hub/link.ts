import type { UpstreamHealth } from '../../shared/protocol/hub';
import type { UpstreamConfig } from '../config';
import type { Db } from '../db/db';
import type { SettingsStore } from '../reference/settings-store';
import { backoffMs } from './backoff';
import { applyDirectory } from './directory-store';
import { importPage } from './import-store';
import { confirmedThrough, pendingBatch, pendingUpCount, readHubState, writeHubState } from './state-store';
import { UpstreamClient } from './upstream-client';
import { applyVerdicts } from './verdict-store';

/** Events per relay request and per pull page. */
export const RELAY_BATCH = 500;
export const PULL_PAGE = 500;

export interface LinkHooks {
  /** The hub's feed changed (pulled events, verdicts): wake its workstations' streams. */
  fed(): void;
  /** Central's policy changed: re-fold the stored projections. */
  policyChanged(): void;
  onError(err: unknown): void;
}

/**
 * A branch hub's link to the central server. Each round: sign in when
 * needed, check in (the backlog goes up; the branch's directory, policy and
 * scripts come down), relay every event waiting, oldest first, in batches,
 * applying central's verdicts, then pull the branch's scope until caught
 * up. Every step is durable before the next (events' upstream status, the
 * pull checkpoint), so a killed hub resumes where it stopped, and a
 * repeated relay or page changes nothing. Rounds run every `pollMs`, at
 * once after `poke()` (a workstation pushed), and after failures with a
 * growing pause.
 */
export class UpstreamLink {
  private readonly client: UpstreamClient;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = false;
  private failures = 0;
  private connected = false;
  private lastSyncAt: string | null = null;

  constructor(
    private readonly db: Db,
    private readonly settings: SettingsStore,
    private readonly config: UpstreamConfig,
    private readonly hooks: LinkHooks,
    fetchImpl: typeof fetch = fetch,
  ) {
    this.client = new UpstreamClient(config, fetchImpl);
  }

  async start(): Promise<void> {
    this.lastSyncAt = await readHubState(this.db, 'last_sync_at');
    this.schedule(0);
  }

  /** Something new to relay: a round now (or right after the one under way). */
  poke(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One round now; resolves when it is over (tests). Rejects with the round's error. */
  async syncNow(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.launch();
  }

  async health(): Promise<UpstreamHealth> {
    const [pendingUp, through] = await Promise.all([pendingUpCount(this.db), confirmedThrough(this.db)]);
    return { url: this.config.url, connected: this.connected, lastSyncAt: this.lastSyncAt, pendingUp, confirmedThrough: through };
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.running) this.launch().catch(() => undefined);
    }, ms);
    this.timer.unref?.();
  }

  /** Runs a round (one at a time), then schedules the next; resolves or rejects as the round did. */
  private launch(): Promise<void> {
    const round = this.round();
    this.running = round
      .then(
        () => {
          this.failures = 0;
        },
        (err: unknown) => {
          this.failures++;
          this.hooks.onError(err);
        },
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.schedule(0);
        } else {
          this.schedule(this.failures ? backoffMs(this.failures, Math.min(500, this.config.pollMs), this.config.retryMaxMs) : this.config.pollMs);
        }
      });
    return round;
  }

  private async round(): Promise<void> {
    try {
      const directory = await this.client.checkin(await pendingUpCount(this.db));
      this.connected = true;
      const applied = await applyDirectory(this.db, directory);
      if (applied.policyChanged) this.hooks.policyChanged();
      await this.relayAll(directory.branchId);
      await this.pullAll(directory.branchId);
      this.lastSyncAt = new Date().toISOString();
      await writeHubState(this.db, 'last_sync_at', this.lastSyncAt);
    } catch (err) {
      this.connected = false;
      throw err;
    }
  }

  private async relayAll(branchId: string): Promise<void> {
    for (;;) {
      if (this.stopped) return;
      const batch = await pendingBatch(this.db, RELAY_BATCH);
      if (!batch.length) return;
      const verdicts = await this.client.relay(batch.map((b) => b.doc));
      if (await applyVerdicts(this.db, this.settings, branchId, verdicts)) this.hooks.fed();
      // Central answers every id it was sent; one it did not would be relayed again for ever.
      const answered = new Set(verdicts.map((v) => v.id));
      if (batch.some((b) => !answered.has(b.id))) throw new Error('The central server did not answer for every relayed event');
    }
  }

  private async pullAll(branchId: string): Promise<void> {
    let seq = Number((await readHubState(this.db, 'pull_seq')) ?? 0);
    for (;;) {
      if (this.stopped) return;
      const page = await this.client.pull(seq, PULL_PAGE);
      const morePages = page.documents.length >= PULL_PAGE;
      // The page and its checkpoint are written together.
      if (await importPage(this.db, this.settings, branchId, page, { morePages })) this.hooks.fed();
      seq = page.checkpoint.seq;
      if (!morePages) return;
    }
  }
}
