import type { FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * How the route answers a request its schemas refuse: the status (400
     * unless said, such as 404 for a path id that cannot name anything), the
     * error code, and a fixed message instead of the first issue (for bodies
     * whose fields must never be echoed, such as a phone number).
     */
    invalid?: { status?: number; code?: string; message?: string };
  }
}

/** Routes declare params, query, body and answers as zod schemas; Fastify validates them before the handler. */
export function installZodSchemas(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
}

/** The app with the zod type provider: handlers see the parsed, typed params, query and body. */
export function zodRoutes(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}
export type ZodApp = ReturnType<typeof zodRoutes>;
