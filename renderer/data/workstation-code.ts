import type { LocalMeta } from './local-meta';
import type { Api } from './sync/api';

/** Where the server's code for this workstation in a branch is kept (a workstation may serve several branches). */
export const registeredCodeKey = (branchId: string) => `numbers.workstationCode.${branchId}`;

export async function registeredCode(meta: LocalMeta, branchId: string): Promise<string | null> {
  return meta.get<string>(registeredCodeKey(branchId));
}

/**
 * Asks the server for this workstation's code in the branch (POST
 * /api/workstations; unique in the branch, the same on every call) and keeps
 * it, so complaint numbers made offline afterwards use it. Already known →
 * no request. Failure leaves things as they were: numbers fall back to the
 * code derived from the workstation id until a later online sign-in.
 */
export async function ensureWorkstationCode(api: Api, meta: LocalMeta, workstationId: string, branchId: string): Promise<string | null> {
  if (!branchId) return null;
  const known = await registeredCode(meta, branchId);
  if (known) return known;
  try {
    const answer = await api.json<{ code?: unknown; branchId?: unknown }>('POST', '/api/workstations', { workstationId, branchId });
    if (typeof answer?.code !== 'string' || answer.branchId !== branchId) return null;
    await meta.set(registeredCodeKey(branchId), answer.code);
    return answer.code;
  } catch {
    return null;
  }
}
