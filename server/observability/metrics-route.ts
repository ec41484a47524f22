import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from '../http/errors';
import type { ServerMetrics } from './metrics';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/**
 * Times every request by its route pattern (never its path, which holds ids),
 * and serves GET /metrics in Prometheus text format: with METRICS_TOKEN set,
 * to a request bearing it; without, to requests from this machine only (a
 * scraper on the same host, or behind a proxy that adds the token).
 */
export function registerMetrics(app: FastifyInstance, metrics: ServerMetrics, token: string | undefined): void {
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url;
    if (route === undefined || route === '/metrics') return;
    metrics.requests.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/metrics', async (request, reply) => {
    const allowed = token ? bearerMatches(request, token) : LOOPBACK.has(request.socket.remoteAddress ?? '');
    if (!allowed) return reply.status(token ? 401 : 403).send(errorBody(token ? 'unauthorized' : 'forbidden', 'Metrics are not served to this caller'));
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}
