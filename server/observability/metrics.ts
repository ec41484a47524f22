import { Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the gauges read when scraped. */
export interface MetricSources {
  openStreams(): number;
  /** Pool connections (PostgreSQL); undefined when the database has no pool (PGlite). */
  poolUse(): { total: number; idle: number; waiting: number } | undefined;
}

/**
 * The server's Prometheus metrics, in a registry of its own (several servers
 * in one test process never share counters): request rates and latencies by
 * route (push and pull among them), rejected events by reason, open event
 * streams, deadline-watcher runs and database pool use.
 */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests: Histogram<'method' | 'route' | 'status'>;
  readonly rejectedEvents: Counter<'reason'>;
  readonly deadlineWatcherRuns: Counter<'outcome'>;

  constructor(sources: MetricSources) {
    const registers = [this.registry];
    this.requests = new Histogram({
      name: 'hotline_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status, and how long they took',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.rejectedEvents = new Counter({
      name: 'hotline_events_rejected_total',
      help: 'Pushed or relayed events stored rejected, by reason code',
      labelNames: ['reason'],
      registers,
    });
    this.deadlineWatcherRuns = new Counter({
      name: 'hotline_deadline_watcher_runs_total',
      help: 'Deadline-watcher runs, by outcome (ok or failed)',
      labelNames: ['outcome'],
      registers,
    });
    new Gauge({
      name: 'hotline_open_streams',
      help: 'Event streams (server-sent events) open now',
      registers,
      collect() {
        this.set(sources.openStreams());
      },
    });
    new Gauge({
      name: 'hotline_db_pool_connections',
      help: 'Database pool connections by state (total, idle, waiting clients); absent on PGlite',
      labelNames: ['state'],
      registers,
      collect() {
        const use = sources.poolUse();
        if (!use) return;
        this.set({ state: 'total' }, use.total);
        this.set({ state: 'idle' }, use.idle);
        this.set({ state: 'waiting' }, use.waiting);
      },
    });
  }

  countRejected(reasons: readonly string[]): void {
    for (const reason of reasons) this.rejectedEvents.inc({ reason });
  }
}
