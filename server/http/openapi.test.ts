import SwaggerParser from '@apidevtools/swagger-parser';
import { describe, expect, it } from 'vitest';
import { storageKinds } from '../test-support/harness';
import { suiteServer } from '../test-support/suite-server';

/** Fastify's path syntax (`:id`) in OpenAPI's (`{id}`). */
const openApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe.each(storageKinds())('the OpenAPI document on %s', (storage) => {
  const t = suiteServer(storage, { logins: ['admin', 'supervisor.gz'] });
  const api = t.api;

  it('is served to administrators only', async () => {
    expect((await api.request('GET', '/api/docs')).status).toBe(401);
    expect((await api.request('GET', '/api/docs', { token: t.as('supervisor.gz').token })).status).toBe(403);
    expect((await api.request('GET', '/api/docs', { token: t.as('admin').token })).status).toBe(200);
  });

  it('validates and lists every route Fastify registered', async () => {
    const res = await api.request('GET', '/api/docs', { token: t.as('admin').token });
    const doc = res.json;
    // The validator dereferences in place: validate a copy, read the original.
    await SwaggerParser.validate(structuredClone(doc));
    const documented = new Set<string>();
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(ops)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    // HEAD routes are Fastify's automatic twins of GET routes; OPTIONS * is the CORS preflight.
    const registered = t.server.routes
      .filter((r) => r.method !== 'HEAD' && !(r.method === 'OPTIONS' && r.url === '*'))
      .map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(registered.length).toBeGreaterThan(30);
    expect(registered.filter((r) => !documented.has(r))).toEqual([]);
    expect(registered).toContain('POST /api/sync/events/push');
    expect(registered).toContain('GET /api/docs');
  });
});
