import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

/** An error that becomes `{"error":{"code","message"}}` with its status. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const badRequest = (message: string, code = 'bad_request') => new HttpError(400, code, message);
export const unauthorized = (message = 'Sign in first', code = 'unauthorized') => new HttpError(401, code, message);
export const forbidden = (message = 'Your role may not do this') => new HttpError(403, 'forbidden', message);
export const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

const FASTIFY_CODES: Record<string, { status: number; code: string; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'too_large', message: 'The request body is too large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'unsupported_media_type', message: 'Send application/json' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'bad_request', message: 'The request body is empty' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'bad_request', message: 'Invalid Content-Length' },
  FST_ERR_CTP_EMPTY_TYPE: { status: 400, code: 'bad_request', message: 'Missing Content-Type' },
  FST_ERR_CTP_INVALID_TYPE: { status: 400, code: 'bad_request', message: 'Invalid Content-Type' },
};

/**
 * Errors the router raises before any route runs (a malformed URL, a path
 * segment over the router's length limit): the usual envelope, and never
 * the offending path echoed back.
 */
export function frameworkErrorAnswer(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const message = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'A path segment is too long' : 'The URL is malformed';
  void reply.status(400).send(errorBody('bad_request', message));
}

const PART: Record<string, string> = { body: 'body', querystring: 'query', params: 'path', headers: 'headers' };

/**
 * A request a route's zod schemas refused: the usual envelope, with the
 * route's code and the first issue (where and what, never the value).
 */
function schemaRefusal(err: FastifyError, request: FastifyRequest) {
  const invalid = request.routeOptions.config?.invalid;
  const code = invalid?.code ?? 'bad_request';
  if (invalid?.message) return errorBody(code, invalid.message);
  const first = err.validation?.[0];
  const part = err.validationContext ? PART[err.validationContext] : undefined;
  const path = first?.instancePath?.replace(/^\//, '').replaceAll('/', '.') ?? '';
  const where = [part, path].filter(Boolean).join(' ');
  return errorBody(code, `${where ? `${where}: ` : ''}${first?.message ?? 'invalid'}`.slice(0, 300));
}

/**
 * JSON errors everywhere, with the protocol's statuses: never a stack trace,
 * and never a 5xx for something the client sent.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.status(err.status).send(errorBody(err.code, err.message));
    }
    const known = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (known) return reply.status(known.status).send(errorBody(known.code, known.message));
    if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return reply.status(400).send(errorBody('bad_json', 'The request body is not valid JSON'));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(request.routeOptions.config?.invalid?.status ?? 400).send(schemaRefusal(err, request));
    }
    if (err.validation) {
      return reply.status(400).send(errorBody('bad_request', 'The request is malformed'));
    }
    const status = typeof err.statusCode === 'number' ? err.statusCode : 500;
    if (status === 429) {
      return reply.status(429).send(errorBody('rate_limited', 'Too many requests; try again later'));
    }
    if (status >= 400 && status < 500) {
      return reply.status(status).send(errorBody('bad_request', 'The request is malformed'));
    }
    request.log.error({ err: { type: err.name, message: err.message, stack: err.stack } }, 'request failed');
    return reply.status(500).send(errorBody('internal', 'Something went wrong on the server'));
  });
}
