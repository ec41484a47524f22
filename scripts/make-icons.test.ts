import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconSvg, renderIcon } from './icon-art';
import { ICON_FILES, ICON_SVG_FILE } from './make-icons';
import { decodeSimplePng } from './png-decode';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('committed icons', () => {
  it.each(ICON_FILES.map((entry) => [entry.file, entry.size] as const))('%s is the current artwork at %i px', async (file, size) => {
    const png = decodeSimplePng(await readFile(path.join(root, file)));
    expect([png.width, png.height]).toEqual([size, size]);
    // Pixel comparison, not bytes: another zlib may compress the same pixels differently.
    expect(Buffer.from(png.rgba).equals(Buffer.from(renderIcon(size)))).toBe(true);
  });

  it('has an SVG of the same drawing', async () => {
    expect(await readFile(path.join(root, ICON_SVG_FILE), 'utf8')).toBe(iconSvg());
  });
});

describe('renderIcon', () => {
  it('is opaque teal at the edge of the square, white in the bubble, clear in the corners', () => {
    const size = 64;
    const pixels = renderIcon(size);
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * size + x) * 4, (y * size + x) * 4 + 4));
    expect(at(0, 0)).toEqual([0, 0, 0, 0]);
    expect(at(8, 32)).toEqual([0x0f, 0x76, 0x6e, 255]);
    expect(at(20, 20)).toEqual([255, 255, 255, 255]);
    expect(at(32, 29)).toEqual([0x0f, 0x76, 0x6e, 255]);
  });
});
