import { inflateSync } from 'node:zlib';
import { crc32 } from './png-encode';

export interface DecodedPng {
  width: number;
  height: number;
  rgba: Uint8Array;
}

/**
 * Reads back the PNGs encodePng writes (8-bit RGBA, no interlace, filter
 * none), checking every chunk's CRC. Used to verify the committed icons.
 */
export function decodeSimplePng(file: Uint8Array): DecodedPng {
  const bytes = Buffer.from(file);
  if (bytes.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.subarray(offset + 4, offset + 8).toString('ascii');
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    const crc = bytes.readUInt32BE(offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== crc) throw new Error(`bad CRC in ${type}`);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 6 || data[12] !== 0) throw new Error('only 8-bit RGBA without interlace');
    } else if (type === 'IDAT') {
      idat.push(data);
    }
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rowLength = width * 4;
  const rgba = new Uint8Array(rowLength * height);
  for (let y = 0; y < height; y += 1) {
    if (raw[y * (rowLength + 1)] !== 0) throw new Error('only filter type 0');
    rgba.set(raw.subarray(y * (rowLength + 1) + 1, (y + 1) * (rowLength + 1)), y * rowLength);
  }
  return { width, height, rgba };
}
