import type { LocalMeta } from './local-meta';

export interface Workstation {
  /** Generated once per local database; names this workstation in numbers and logs. */
  id: string;
  /** 16 hex characters: this replica's HLC node id. */
  nodeId: string;
}

const KEY = 'workstation';

function randomHex(bytes: number): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  return Array.from(buf, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Reads the workstation identity, creating it on first run. */
export async function loadWorkstation(meta: LocalMeta): Promise<Workstation> {
  const existing = await meta.get<Workstation>(KEY);
  if (existing && /^[0-9a-f]{16}$/.test(existing.nodeId) && existing.id) return existing;
  const created: Workstation = { id: crypto.randomUUID(), nodeId: randomHex(8) };
  await meta.set(KEY, created);
  return created;
}
