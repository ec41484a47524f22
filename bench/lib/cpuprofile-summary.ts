/** The V8 CPU profile format (CDP Profiler.stop, node --cpu-prof). */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface HotSpot {
  name: string;
  selfMs: number;
  share: number;
}

/** Shortens a script URL to the part that says whose code it is (package or project path). */
function origin(url: string): string {
  if (!url) return '(native)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const m = /\/(server|shared|renderer|bench|test)\/(.*)$/.exec(url);
  if (m) return `${m[1]}/${m[2]}`;
  return url.startsWith('node:') ? url : (url.split('/').pop() ?? url);
}

/** Self time per function (or per code origin with `by: 'origin'`), highest first. */
export function hotSpots(profile: CpuProfile, top = 15, by: 'function' | 'origin' = 'function'): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const f = byId.get(id)?.callFrame;
    if (!f) return;
    const name = by === 'origin' ? (f.url ? origin(f.url) : `(${f.functionName || 'native'})`) : `${f.functionName || '(anonymous)'} ${origin(f.url)}:${f.lineNumber + 1}`;
    self.set(name, (self.get(name) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, selfMs]) => ({ name, selfMs, share: total > 0 ? selfMs / total : 0 }));
}
