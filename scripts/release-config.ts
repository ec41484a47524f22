// Writes the electron-builder configuration of a release: build/electron-builder.json,
// plus the update channel when HOTLINE_DESK_UPDATE_URL is set.
//   npx tsx scripts/release-config.ts <out.json>
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const UPDATE_URL_ENV = 'HOTLINE_DESK_UPDATE_URL';

/** Signing material electron-builder reads itself (a .p12/.pfx file or base64, and its password). */
const SIGNING_ENVS = ['CSC_LINK', 'WIN_CSC_LINK', 'CSC_NAME'] as const;

export interface ReleasePlan {
  config: Record<string, unknown>;
  notes: string[];
}

/**
 * The base configuration with, when an https feed is given, a generic publish
 * channel: electron-builder then writes app-update.yml into the package (and,
 * for a signed Windows build, the certificate's publisher name the updater
 * checks every update against). Signing itself needs nothing here:
 * electron-builder signs when CSC_LINK (or WIN_CSC_LINK, CSC_NAME) is set.
 */
export function releaseConfig(base: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): ReleasePlan {
  const notes: string[] = [];
  const signed = SIGNING_ENVS.some((name) => (env[name] ?? '').trim() !== '');
  notes.push(signed ? 'Installers are signed with the configured certificate.' : 'No certificate configured (CSC_LINK): installers are unsigned.');
  const url = (env[UPDATE_URL_ENV] ?? '').trim();
  if (url === '') {
    notes.push(`No ${UPDATE_URL_ENV}: the app is built without an update channel.`);
    return { config: base, notes };
  }
  if (!url.startsWith('https://')) throw new Error(`${UPDATE_URL_ENV} must be an https address`);
  if (!signed) notes.push('Unsigned: the Windows build will not update itself (nothing to check an update against).');
  return { config: { ...base, publish: [{ provider: 'generic', url, channel: 'latest' }] }, notes };
}

async function main(out: string): Promise<void> {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const base = JSON.parse(await readFile(path.join(root, 'build/electron-builder.json'), 'utf8')) as Record<string, unknown>;
  const plan = releaseConfig(base, process.env);
  await mkdir(path.dirname(out), { recursive: true });
  await writeFile(out, `${JSON.stringify(plan.config, null, 2)}\n`);
  for (const note of plan.notes) console.log(note);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  main(process.argv[2] ?? 'release/electron-builder.json').catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
