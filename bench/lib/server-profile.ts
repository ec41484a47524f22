import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { hotSpots, type CpuProfile } from './cpuprofile-summary';
import { hotSpotTable } from './hot-spot-table';

/** Reads the server's --cpu-prof output and renders where its CPU time went, by code origin and by function. */
export async function serverProfileSections(dir: string, what: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.cpuprofile'));
  const sections: string[] = [];
  for (const f of files) {
    const profile = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as CpuProfile;
    const byOrigin = hotSpots(profile, 12, 'origin');
    const byFunction = hotSpots(profile, 15, 'function');
    sections.push(
      hotSpotTable(`CPU profile of ${what} (self time by code origin)`, 'origin', byOrigin),
      hotSpotTable('Same profile, top functions', 'function', byFunction),
    );
  }
  await rm(dir, { recursive: true, force: true });
  if (sections.length === 0) sections.push(`(no CPU profile was written for ${what})`);
  return sections;
}
