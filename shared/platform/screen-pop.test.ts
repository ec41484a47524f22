import { describe, expect, it } from 'vitest';
import { screenPopFromLink, screenPopFromQuery, screenPopHash } from './screen-pop';

describe('screen-pop links', () => {
  it('reads the caller’s number and the call serial from the desktop link', () => {
    expect(screenPopFromLink('hotline-desk://call?ani=13800138000&serial=CALL-2026-0001')).toEqual({ ani: '13800138000', serial: 'CALL-2026-0001' });
    expect(screenPopFromLink('hotline-desk://call/?ani=13800138000')).toEqual({ ani: '13800138000', serial: null });
    expect(screenPopFromLink('hotline-desk:call?ani=%2B8613800138000&serial=')).toEqual({ ani: '8613800138000', serial: null });
  });

  it('refuses anything but digits in the number, and numbers of impossible length', () => {
    for (const ani of ['1380013800a', '138 0013 8000', '12', '1'.repeat(21), '<script>', '', '138-0013']) {
      expect(screenPopFromQuery(`ani=${encodeURIComponent(ani)}`), ani).toBeNull();
    }
  });

  it('refuses a serial with characters a serial never has, or too long', () => {
    for (const serial of ['a b', 'x;drop', '"><img>', 'a'.repeat(65), '汉字']) {
      expect(screenPopFromQuery(`ani=13800138000&serial=${encodeURIComponent(serial)}`), serial).toBeNull();
    }
  });

  it('refuses other schemes, other targets, repeated fields and overlong links', () => {
    expect(screenPopFromLink('https://call?ani=13800138000')).toBeNull();
    expect(screenPopFromLink('hotline-desk://settings?ani=13800138000')).toBeNull();
    expect(screenPopFromLink('hotline-desk://call?ani=13800138000&ani=13900139000')).toBeNull();
    expect(screenPopFromLink(`hotline-desk://call?ani=13800138000&x=${'a'.repeat(400)}`)).toBeNull();
    expect(screenPopFromLink('not a link')).toBeNull();
    expect(screenPopFromQuery('serial=1')).toBeNull();
  });

  it('gives the browser route of the same call, which reads back to it', () => {
    const hash = screenPopHash({ ani: '13800138000', serial: 'C-1' });
    expect(hash).toBe('#/call?ani=13800138000&serial=C-1');
    expect(screenPopFromQuery(hash.slice('#/call'.length))).toEqual({ ani: '13800138000', serial: 'C-1' });
  });
});
