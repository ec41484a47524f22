import { accessLogPageSchema, type AccessAction, type AccessLogPage } from '../../../shared/audit/access-record';
import { erasurePageSchema, erasureResultSchema, type ErasurePage, type ErasureRequest, type ErasureResult } from '../../../shared/erasure/wire';
import { ApiError, type Api } from '../sync/api';

/**
 * The server-side privacy records (access log, erasures): they live on the
 * server only, so these read it directly and answer nothing offline. Every
 * answer is checked against the shared wire schema.
 */
export async function fetchAccessLog(api: Api, q: { action?: AccessAction; complaintId?: string; cursor?: string | null }): Promise<AccessLogPage> {
  const params = new URLSearchParams({ limit: '50' });
  if (q.action) params.set('action', q.action);
  if (q.complaintId) params.set('complaintId', q.complaintId);
  if (q.cursor) params.set('cursor', q.cursor);
  return accessLogPageSchema.parse(await api.json('GET', `/api/audit/access?${params.toString()}`));
}

export async function fetchErasures(api: Api, cursor: string | null): Promise<ErasurePage> {
  const params = new URLSearchParams({ limit: '50' });
  if (cursor) params.set('cursor', cursor);
  return erasurePageSchema.parse(await api.json('GET', `/api/admin/erasures?${params.toString()}`));
}

export type ErasureOutcome = { ok: true; result: ErasureResult } | { ok: false; status: number; code: string; message: string };

/** Asks the server to erase; a refusal comes back with the server's reason, never as a thrown error. */
export async function requestErasure(api: Api, request: ErasureRequest): Promise<ErasureOutcome> {
  try {
    return { ok: true, result: erasureResultSchema.parse(await api.json('POST', '/api/admin/erasures', request)) };
  } catch (err) {
    if (err instanceof ApiError) return { ok: false, status: err.status, code: err.code, message: err.message };
    throw err;
  }
}
