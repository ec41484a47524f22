import { BehaviorSubject, distinctUntilChanged, type Observable } from 'rxjs';
import type { SyncState } from './types/sync';

export const INITIAL_SYNC_STATE: SyncState = {
  online: false,
  syncing: false,
  pending: 0,
  lastSyncedAt: null,
  authExpired: false,
  error: null,
  upstream: null,
  firstSync: null,
};

/** Collects what the sync bar shows from the parts that know it. */
export class SyncStateTracker {
  private readonly subject = new BehaviorSubject<SyncState>(INITIAL_SYNC_STATE);
  private browserOnline = true;
  private reachable = true;

  readonly state$: Observable<SyncState> = this.subject.pipe(
    distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
  );

  constructor(private readonly now: () => number = Date.now) {
    if (typeof navigator !== 'undefined' && typeof navigator.onLine === 'boolean') this.browserOnline = navigator.onLine;
    this.recompute({});
  }

  get value(): SyncState {
    return this.subject.getValue();
  }

  private recompute(patch: Partial<SyncState>): void {
    this.subject.next({ ...this.subject.getValue(), ...patch, online: this.browserOnline && this.reachable });
  }

  setBrowserOnline(online: boolean): void {
    this.browserOnline = online;
    this.recompute({});
  }

  setReachable(reachable: boolean): void {
    this.reachable = reachable;
    this.recompute({});
  }

  setSyncing(syncing: boolean): void {
    this.recompute({ syncing });
  }

  setPending(pending: number): void {
    this.recompute({ pending });
  }

  /** A request to the server succeeded. */
  markSynced(): void {
    this.reachable = true;
    this.recompute({ lastSyncedAt: new Date(this.now()).toISOString(), error: null });
  }

  setAuthExpired(authExpired: boolean): void {
    this.recompute({ authExpired });
  }

  setFirstSync(firstSync: SyncState['firstSync']): void {
    this.recompute({ firstSync });
  }

  setError(error: string | null): void {
    this.recompute({ error });
  }

  /** What the server's /health says of its link upstream (a branch hub), or null for a server that is not a hub. */
  setUpstream(upstream: SyncState['upstream']): void {
    this.recompute({ upstream });
  }

  restoreLastSynced(at: string | null): void {
    if (at && !this.value.lastSyncedAt) this.recompute({ lastSyncedAt: at });
  }
}
