import type { FastifyReply } from 'fastify';

/**
 * Sends an answer assembled as JSON text from stored documents, which are
 * never parsed and serialised again: Fastify sends a string as it is, so the
 * route's response schema documents its shape without being applied.
 */
export function sendJsonText(reply: FastifyReply, text: string): FastifyReply {
  return reply.type('application/json; charset=utf-8').send(text);
}
