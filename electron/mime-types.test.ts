import { describe, expect, it } from 'vitest';
import { FALLBACK_MIME_TYPE, mimeTypeFor } from './mime-types';

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['assets/index-abc123.CSS', 'text/css; charset=utf-8'],
    ['assets/font.woff2', 'font/woff2'],
    ['icon.svg', 'image/svg+xml'],
    ['assets/index.js.map', 'application/json; charset=utf-8'],
    ['sqlite.wasm', 'application/wasm'],
  ])('%s is %s', (name, type) => {
    expect(mimeTypeFor(name)).toBe(type);
  });

  it('falls back to opaque bytes', () => {
    expect(mimeTypeFor('LICENSE')).toBe(FALLBACK_MIME_TYPE);
    expect(mimeTypeFor('archive.tar.zst')).toBe(FALLBACK_MIME_TYPE);
    expect(mimeTypeFor('dir.d/file')).toBe(FALLBACK_MIME_TYPE);
  });
});
