import type { ServerConfig } from './config';
import type { Db } from './db/db';
import type { LoginLimiter } from './auth/login-limiter';
import type { SettingsStore } from './reference/settings-store';
import type { StreamHub } from './sync/stream-hub';
import type { Refolder } from './complaints/refold';
import type { Erasure } from './erasure/erasure';
import type { UpstreamLink } from './hub/link';
import type { ServerMetrics } from './observability/metrics';

/** What every route needs, built once per server instance. */
export interface AppContext {
  config: ServerConfig;
  db: Db;
  limiter: LoginLimiter;
  settings: SettingsStore;
  hub: StreamHub;
  /** Re-folds stored projections folded with another policy revision (background). */
  refolder: Refolder;
  /** Applies redactions to the stored events, runs the retention rule. */
  erasure: Erasure;
  /** On a branch hub: its link to the central server (accepted pushes wait to be relayed). */
  upstream: UpstreamLink | undefined;
  /** The /metrics counters; absent where a test builds a context for one route. */
  metrics?: ServerMetrics;
}
