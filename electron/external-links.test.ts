import { describe, expect, it } from 'vitest';
import { createExternalOpener } from './external-links';

describe('createExternalOpener', () => {
  it('passes only checked http(s) links to the OS', async () => {
    const opened: string[] = [];
    const open = createExternalOpener(async (url) => {
      opened.push(url);
    });
    expect(await open('https://example.com/a b')).toBe(false);
    expect(await open('https://example.com/help')).toBe(true);
    expect(await open('file:///etc/passwd')).toBe(false);
    expect(await open('javascript:alert(1)')).toBe(false);
    expect(await open(42)).toBe(false);
    expect(opened).toEqual(['https://example.com/help']);
  });

  it('reports false when the OS refuses', async () => {
    const open = createExternalOpener(async () => {
      throw new Error('no browser');
    });
    expect(await open('https://example.com/')).toBe(false);
  });
});
