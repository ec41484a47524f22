import path from 'node:path';

/** Everything the server reads from its environment, parsed once at start. */
export interface ServerConfig {
  port: number;
  host: string;
  /** Where embedded PGlite keeps its files; `memory://` keeps them in memory (tests). */
  dataDir: string;
  seedDemo: boolean;
  /** A postgres:// URL; absent → embedded PGlite in dataDir. */
  databaseUrl: string | undefined;
  /** PostgreSQL schema to work in (search_path); lets several servers or test files share a database. */
  databaseSchema: string | undefined;
  tokenTtlSeconds: number;
  corsOrigins: string[];
  /** A built web client served from / (same origin as the API). */
  clientDir: string | undefined;
  heartbeatMs: number;
  /** 0 disables the periodic deadline watcher (tests call it with an explicit time). */
  deadlineWatchIntervalMs: number;
  /** How often the retention rule runs and left-over redactions are applied; 0 turns it off. */
  retentionWatchIntervalMs: number;
  logLevel: string;
  /** scrypt cost N (power of two); lower only in tests. */
  scryptCost: number;
  loginMaxFailures: number;
  loginWindowMs: number;
  /** New workstation codes one user may obtain per hour (each takes a code of the branch's small code space). */
  workstationRegistrationsPerHour: number;
  /** Take the client address from X-Forwarded-For (only behind a trusted load balancer). */
  trustProxy: boolean;
  version: string;
  /**
   * METRICS_TOKEN: when set, /metrics answers a request bearing this token
   * (from anywhere); unset, it answers requests from this machine only.
   */
  metricsToken: string | undefined;
  /** Set: this server is a branch hub relaying to the central server (UPSTREAM_URL, UPSTREAM_USERNAME, UPSTREAM_PASSWORD). */
  upstream: UpstreamConfig | undefined;
}

export interface UpstreamConfig {
  /** The central server's base URL. */
  url: string;
  /** The hub's account on central (role hub): its branch is the hub's branch. */
  username: string;
  password: string;
  /** How often the hub syncs with central when nothing prompts it (UPSTREAM_POLL_MS). */
  pollMs: number;
  /** Longest wait for one request to central before the link counts as down (UPSTREAM_TIMEOUT_MS). */
  timeoutMs: number;
  /** Longest pause between attempts while central cannot be reached (UPSTREAM_RETRY_MAX_MS). */
  retryMaxMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const DEFAULT_CORS_ORIGINS = ['app://hotline-desk'];

export const defaultConfig: ServerConfig = {
  port: 8787,
  host: '127.0.0.1',
  dataDir: '.data/server',
  seedDemo: false,
  databaseUrl: undefined,
  databaseSchema: undefined,
  tokenTtlSeconds: 12 * 3600,
  corsOrigins: DEFAULT_CORS_ORIGINS,
  clientDir: undefined,
  heartbeatMs: 20_000,
  deadlineWatchIntervalMs: 60_000,
  retentionWatchIntervalMs: 3_600_000,
  logLevel: 'info',
  metricsToken: undefined,
  scryptCost: 2 ** 15,
  loginMaxFailures: 5,
  loginWindowMs: 5 * 60_000,
  workstationRegistrationsPerHour: 20,
  trustProxy: false,
  version: '0.1.0',
  upstream: undefined,
};

type Env = Record<string, string | undefined>;

function intIn(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const n = Number(raw);
  if (n < min || n > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${n}`);
  return n;
}

const DURATION_UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "3600", "90m", "12h", "7d" → seconds. */
export function parseDurationSeconds(name: string, raw: string): number {
  const m = /^(\d+)\s*([smhd]?)$/.exec(raw.trim());
  if (!m) throw new ConfigError(`${name} must be a duration like 3600, 90m, 12h or 7d, got "${raw}"`);
  const seconds = Number(m[1]) * (DURATION_UNITS[m[2] || 's'] ?? 1);
  if (seconds < 60 || seconds > 90 * 86400) throw new ConfigError(`${name} must be between 1 minute and 90 days`);
  return seconds;
}

function flag(env: Env, name: string): boolean {
  const raw = (env[name] ?? '').trim().toLowerCase();
  if (raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be 1 or 0, got "${env[name]}"`);
}

/** The three upstream settings come together or not at all. */
function loadUpstream(env: Env): UpstreamConfig | undefined {
  const url = env.UPSTREAM_URL?.trim() || undefined;
  const username = env.UPSTREAM_USERNAME?.trim() || undefined;
  const password = env.UPSTREAM_PASSWORD || undefined;
  if (url === undefined && username === undefined && password === undefined) return undefined;
  if (!url || !username || !password) {
    throw new ConfigError('A branch hub needs UPSTREAM_URL, UPSTREAM_USERNAME and UPSTREAM_PASSWORD together');
  }
  if (!/^https?:\/\/[^\s/]+(\/[^\s]*)?$/i.test(url)) throw new ConfigError(`UPSTREAM_URL must be an http:// or https:// URL, got "${url}"`);
  return {
    url: url.replace(/\/+$/, ''),
    username,
    password,
    pollMs: intIn(env, 'UPSTREAM_POLL_MS', 5000, 50, 3_600_000),
    timeoutMs: intIn(env, 'UPSTREAM_TIMEOUT_MS', 20_000, 100, 600_000),
    retryMaxMs: intIn(env, 'UPSTREAM_RETRY_MAX_MS', 30_000, 50, 3_600_000),
  };
}

export function loadConfig(env: Env = process.env, cwd: string = process.cwd()): ServerConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const databaseSchema = env.DATABASE_SCHEMA?.trim() || undefined;
  if (databaseSchema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(databaseSchema)) {
    throw new ConfigError('DATABASE_SCHEMA must be a lower-case SQL identifier');
  }
  const host = env.HOST?.trim() || defaultConfig.host;
  const dataDirRaw = env.DATA_DIR?.trim() || defaultConfig.dataDir;
  const dataDir = dataDirRaw.startsWith('memory://') ? dataDirRaw : path.resolve(cwd, dataDirRaw);
  const clientDirRaw = env.CLIENT_DIR?.trim();
  const corsRaw = env.CORS_ORIGINS?.trim();
  const corsOrigins = corsRaw
    ? corsRaw.split(',').map((o) => o.trim()).filter((o) => o.length > 0)
    : DEFAULT_CORS_ORIGINS;
  for (const origin of corsOrigins) {
    if (origin !== '*' && !/^[a-z][a-z0-9+.-]*:\/\/[^\s/]+$/i.test(origin)) {
      throw new ConfigError(`CORS_ORIGINS entry "${origin}" is not an origin like app://hotline-desk or http://host:port`);
    }
  }
  return {
    ...defaultConfig,
    port: intIn(env, 'PORT', defaultConfig.port, 0, 65535),
    host,
    dataDir,
    seedDemo: flag(env, 'SEED_DEMO'),
    databaseUrl,
    databaseSchema,
    tokenTtlSeconds: env.TOKEN_TTL ? parseDurationSeconds('TOKEN_TTL', env.TOKEN_TTL) : defaultConfig.tokenTtlSeconds,
    corsOrigins,
    clientDir: clientDirRaw ? path.resolve(cwd, clientDirRaw) : undefined,
    heartbeatMs: intIn(env, 'HEARTBEAT_MS', defaultConfig.heartbeatMs, 50, 25_000),
    deadlineWatchIntervalMs: intIn(env, 'DEADLINE_WATCH_MS', defaultConfig.deadlineWatchIntervalMs, 0, 86_400_000),
    retentionWatchIntervalMs: intIn(env, 'RETENTION_WATCH_MS', defaultConfig.retentionWatchIntervalMs, 0, 7 * 86_400_000),
    logLevel: env.LOG_LEVEL?.trim() || defaultConfig.logLevel,
    trustProxy: flag(env, 'TRUST_PROXY'),
    workstationRegistrationsPerHour: intIn(env, 'WORKSTATION_REGISTRATIONS_PER_HOUR', defaultConfig.workstationRegistrationsPerHour, 1, 100_000),
    metricsToken: env.METRICS_TOKEN?.trim() || undefined,
    upstream: loadUpstream(env),
  };
}
