// Regenerates the icons in build/ from scripts/icon-art.ts:
//   npx tsx scripts/make-icons.ts
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { iconSvg, renderIcon } from './icon-art';
import { encodePng } from './png-encode';

/** What the packager and the tray read, and at which sizes. electron-builder derives .ico and .icns from the 512 px PNG. */
export const ICON_FILES = [
  { file: 'build/icon.png', size: 512 },
  { file: 'build/icons/512x512.png', size: 512 },
  { file: 'build/icons/256x256.png', size: 256 },
  { file: 'build/icons/128x128.png', size: 128 },
  { file: 'build/icons/64x64.png', size: 64 },
  { file: 'build/icons/32x32.png', size: 32 },
  { file: 'build/icons/16x16.png', size: 16 },
  { file: 'build/tray-icon.png', size: 32 },
  { file: 'build/tray-icon@2x.png', size: 64 },
] as const;

export const ICON_SVG_FILE = 'build/icon.svg';

export async function makeIcons(root: string): Promise<void> {
  for (const { file, size } of ICON_FILES) {
    const target = path.join(root, file);
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, encodePng(size, size, renderIcon(size)));
  }
  await writeFile(path.join(root, ICON_SVG_FILE), iconSvg());
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await makeIcons(fileURLToPath(new URL('..', import.meta.url)));
  console.log(`Wrote ${ICON_FILES.length} PNG icons and ${ICON_SVG_FILE}`);
}
