import type { Directory } from './types';

interface ReferenceLike {
  users: readonly { id: string; displayName: string; role: string; branchId: string | null; teamId: string | null; jobNumber?: string | null }[];
  teams: readonly { id: string; branchId: string; name: string; leadId?: string | null }[];
  branches: readonly { id: string; name: string }[];
}

/** The directory from reference data, the same on a workstation and on the server. */
export function directoryFrom(ref: ReferenceLike): Directory {
  return {
    users: ref.users.map((u) => ({
      id: u.id,
      displayName: u.displayName,
      role: u.role,
      branchId: u.branchId,
      teamId: u.teamId,
      jobNumber: u.jobNumber ?? null,
    })),
    teams: ref.teams.map((t) => ({ id: t.id, branchId: t.branchId, name: t.name, leadId: t.leadId ?? null })),
    branches: ref.branches.map((b) => ({ id: b.id, name: b.name })),
  };
}
