import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { withRole } from '../auth/guards';
import type { Sql } from '../db/db';

/** A route as Fastify registered it. */
export interface RegisteredRoute {
  method: string;
  url: string;
}

/**
 * Collects every route registered after it, with the zod schemas it declares
 * turned into JSON Schema, into one OpenAPI document. Register it before the
 * routes: it learns them as they are added. Answers the routes Fastify
 * registered meanwhile (its onRoute list), which the document must cover.
 */
export async function installOpenApi(app: FastifyInstance, version: string): Promise<RegisteredRoute[]> {
  const routes: RegisteredRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hotline Desk server',
        description: 'Sync, complaints, reports, reference data and administration. Every /api route but sign-in takes a bearer token from POST /api/auth/login.',
        version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });
  return routes;
}

/** GET /api/docs: the OpenAPI document as JSON, for administrators (integrators get it from one). */
export function registerApiDocs(app: FastifyInstance, db: Sql): void {
  app.get('/api/docs', { preValidation: withRole(db, ['admin']) }, async () => app.swagger());
}
