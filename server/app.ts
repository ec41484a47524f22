import { existsSync, readFileSync, statSync } from 'node:fs';
import Fastify, { type FastifyInstance } from 'fastify';
import cors from '@fastify/cors';
import fastifyStatic from '@fastify/static';
import { registerAdminRoutes } from './admin/routes';
import { LoginLimiter } from './auth/login-limiter';
import { registerAuthRoutes } from './auth/routes';
import { registerComplaintRoutes } from './complaints/routes';
import { registerWorkstationRoutes } from './workstations/routes';
import { Refolder } from './complaints/refold';
import { ConfigError, defaultConfig, type ServerConfig } from './config';
import type { AppContext } from './context';
import type { Db } from './db/db';
import { migrate } from './db/migrations';
import { openDb } from './db/open-db';
import { DeadlineWatcher, type WatchResult } from './deadlines/watcher';
import { Erasure } from './erasure/erasure';
import { registerErasureRoutes } from './erasure/routes';
import { registerAccessLogRoutes } from './audit/routes';
import { registerHubRoutes } from './relay/hub-routes';
import { registerRelayRoute } from './relay/relay-route';
import { errorBody, frameworkErrorAnswer, installErrorHandling } from './http/errors';
import { installZodSchemas } from './http/zod';
import { installOpenApi, registerApiDocs, type RegisteredRoute } from './http/openapi';
import { ServerMetrics } from './observability/metrics';
import { registerMetrics } from './observability/metrics-route';
import { registerReferenceRoutes } from './reference/routes';
import { registerReportRoutes } from './reports/routes';
import { SettingsStore } from './reference/settings-store';
import { seedDemo } from './seed/demo';
import { registerSyncRoutes } from './sync/routes';
import { StreamHub } from './sync/stream-hub';
import { MAX_BODY_BYTES } from './sync/wire';
import { maxFeedSeq } from './sync/feed';
import { UpstreamLink } from './hub/link';

export interface HotlineServer {
  app: FastifyInstance;
  db: Db;
  config: ServerConfig;
  hub: StreamHub;
  settings: SettingsStore;
  /** Background re-folding of projections after a policy change (tests await `idle()`). */
  refolder: Refolder;
  /** Erasure of personal data from stored events, and the retention rule (tests call it with `now`). */
  erasure: Erasure;
  /** On a branch hub (UPSTREAM_URL set): the link to the central server. */
  upstream: UpstreamLink | undefined;
  /** Every route Fastify registered, as its onRoute hook saw them (the OpenAPI document covers them). */
  routes: readonly RegisteredRoute[];
  /** Runs the deadline watcher once at `now` (tests pass an explicit time). */
  runDeadlineWatch(now?: Date): Promise<WatchResult>;
  /** Starts listening on config.host:config.port; resolves to the base URL (port 0 picks a free one). */
  listen(): Promise<string>;
  /** Graceful stop: streams closed, in-flight requests finished, database closed. */
  close(): Promise<void>;
}

function packageVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version?: string };
    return pkg.version ?? defaultConfig.version;
  } catch {
    return defaultConfig.version;
  }
}

/**
 * Builds the server: opens the database, applies migrations, seeds the demo
 * organisation when asked, and registers every route. Does not listen.
 */
/** How long a graceful stop waits for in-flight requests before cutting connections. */
const SHUTDOWN_GRACE_MS = 10_000;

export async function createServer(overrides: Partial<ServerConfig> = {}): Promise<HotlineServer> {
  const config: ServerConfig = { ...defaultConfig, version: packageVersion(), ...overrides };
  if (config.clientDir && !(existsSync(config.clientDir) && statSync(config.clientDir).isDirectory())) {
    throw new ConfigError(`CLIENT_DIR ${config.clientDir} is not a directory`);
  }

  const app = Fastify({
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: config.trustProxy,
    forceCloseConnections: 'idle',
    frameworkErrors: frameworkErrorAnswer,
    logger: {
      level: config.logLevel,
      // Requests are logged by method, path and status only: no headers, no bodies, no query values.
      serializers: {
        req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
        res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
      },
      redact: { paths: ['req.headers.authorization', 'headers.authorization', 'token', 'password'], censor: '[redacted]' },
    },
  });

  let db: Db;
  try {
    db = await openDb(config, (message) => app.log.warn(message));
  } catch (err) {
    await app.close();
    throw err;
  }

  try {
    await migrate(db);
    const settings = new SettingsStore(db);
    if (config.seedDemo && (await seedDemo(db, config.scryptCost))) app.log.info('seeded the demo organisation');

    const hub = new StreamHub(db, {
      heartbeatMs: config.heartbeatMs,
      onError: (err) => app.log.error({ err: String(err) }, 'stream fan-out failed'),
    });
    await hub.start();

    const refolder = new Refolder(db, settings);
    const announce = (maxSeq: number) => {
      hub.poke();
      db.notify(String(maxSeq)).catch(() => undefined);
    };
    // A branch hub relays its workstations' events to central and takes central's back; central alone writes
    // breach escalations and runs the retention rule (their events come down with the branch's feed).
    const upstream = config.upstream
      ? new UpstreamLink(db, settings, config.upstream, {
          fed: () => {
            maxFeedSeq(db).then(announce, () => undefined);
          },
          policyChanged: () => {
            refolder.run().catch((err: unknown) => app.log.error({ err: String(err) }, 're-fold failed'));
          },
          onError: (err) => app.log.warn({ err: String(err) }, 'upstream sync failed'),
        })
      : undefined;
    const erasure = new Erasure(db, settings, (maxSeq) => {
      hub.poke();
      db.notify(String(maxSeq)).catch(() => undefined);
    });
    let routes: readonly RegisteredRoute[] = [];
    const metrics = new ServerMetrics({ openStreams: () => hub.size, poolUse: () => db.poolUse?.() });
    const ctx: AppContext = {
      config,
      db,
      metrics,
      limiter: new LoginLimiter(db, config.loginMaxFailures, config.loginWindowMs),
      settings,
      hub,
      refolder,
      erasure,
      upstream,
    };
    // Projections stored by an older build, or folded before the last policy change, catch up in the background.
    refolder.run().catch((err: unknown) => app.log.error({ err: String(err) }, 're-fold failed'));

    const defaultJson = app.getDefaultJsonParser('error', 'error');
    app.removeContentTypeParser('application/json');
    // An empty JSON body (a bodiless POST such as logout) is no body, not an error.
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
      if (body === '' || (typeof body === 'string' && body.trim() === '')) return done(null, undefined);
      return defaultJson(request, body as string, done);
    });

    installErrorHandling(app);
    installZodSchemas(app);
    routes = await installOpenApi(app, config.version);
    registerMetrics(app, metrics, config.metricsToken);
    await app.register(cors, {
      origin: (origin, cb) => {
        if (!origin) return cb(null, true);
        cb(null, config.corsOrigins.includes('*') || config.corsOrigins.includes(origin));
      },
      methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowedHeaders: ['authorization', 'content-type', 'if-none-match', 'last-event-id', 'cache-control'],
      exposedHeaders: ['etag', 'retry-after'],
      maxAge: 600,
    });

    app.get('/health', async () => ({
      status: 'ok',
      storage: db.storage,
      version: config.version,
      ...(upstream ? { upstream: await upstream.health() } : {}),
    }));
    registerAuthRoutes(app, ctx);
    registerSyncRoutes(app, ctx);
    registerComplaintRoutes(app, ctx);
    registerWorkstationRoutes(app, ctx);
    registerReferenceRoutes(app, ctx);
    registerAdminRoutes(app, ctx);
    registerReportRoutes(app, ctx);
    registerErasureRoutes(app, ctx);
    registerAccessLogRoutes(app, ctx);
    registerRelayRoute(app, ctx);
    registerHubRoutes(app, ctx);
    registerApiDocs(app, db);

    const clientDir = config.clientDir;
    if (clientDir) await app.register(fastifyStatic, { root: clientDir, wildcard: true, index: ['index.html'] });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // Client-side routes: any other GET outside the API gets the web client's index.html.
      if (clientDir && request.method === 'GET' && !path.startsWith('/api/') && path !== '/api' && path !== '/health') {
        return reply.type('text/html; charset=utf-8').sendFile('index.html');
      }
      return reply.status(404).send(errorBody('not_found', 'Not found'));
    });

    const watcher = new DeadlineWatcher(db, settings, (maxSeq) => {
      hub.poke();
      db.notify(String(maxSeq)).catch(() => undefined);
    });
    watcher.onRun = (outcome) => metrics.deadlineWatcherRuns.inc({ outcome });
    watcher.start(upstream ? 0 : config.deadlineWatchIntervalMs, (err) => app.log.error({ err: String(err) }, 'deadline watch failed'));

    erasure.start(upstream ? 0 : config.retentionWatchIntervalMs, (err) => app.log.error({ err: String(err) }, 'erasure failed'));
    await upstream?.start();

    app.addHook('preClose', async () => {
      await upstream?.stop();
      await watcher.stop();
      await erasure.stop();
      await refolder.idle();
      await hub.close();
    });

    let closing: Promise<void> | undefined;
    return {
      app,
      db,
      config,
      hub,
      settings,
      refolder,
      erasure,
      upstream,
      routes,
      runDeadlineWatch: (now) => watcher.run(now),
      async listen() {
        await app.listen({ port: config.port, host: config.host });
        const address = app.server.address();
        const port = typeof address === 'object' && address ? address.port : config.port;
        const host = config.host.includes(':') ? `[${config.host}]` : config.host;
        return `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
      },
      close() {
        closing ??= (async () => {
          // In-flight requests get a grace period; a connection that never finishes
          // sending its request would otherwise hold the shutdown open for ever.
          const force = setTimeout(() => app.server.closeAllConnections(), SHUTDOWN_GRACE_MS);
          force.unref();
          try {
            await app.close();
          } finally {
            clearTimeout(force);
          }
          await db.close();
        })();
        return closing;
      },
    };
  } catch (err) {
    await app.close().catch(() => undefined);
    await db.close().catch(() => undefined);
    throw err;
  }
}

/** createServer, then listen: what the CLI and child-process harnesses use. */
export async function startServer(
  overrides: Partial<ServerConfig> = {},
): Promise<HotlineServer & { url: string }> {
  const server = await createServer(overrides);
  try {
    const url = await server.listen();
    return Object.assign(server, { url });
  } catch (err) {
    await server.close();
    throw err;
  }
}
