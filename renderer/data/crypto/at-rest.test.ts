import { describe, expect, it } from 'vitest';
import { atRestFrom } from './at-rest';
import { seal, unseal } from './envelope';

describe('atRestFrom', () => {
  it('imports the desktop key and derives the same keys from the same answer', async () => {
    const answer = { kind: 'os-keychain' as const, key: Buffer.alloc(32, 9).toString('base64') };
    const a = await atRestFrom(answer);
    const b = await atRestFrom(answer);
    if (a.kind !== 'encrypted' || b.kind !== 'encrypted') throw new Error('expected keys');
    expect(a.keyHolder).toBe('os-keychain');
    expect(a.keys.cipher.extractable).toBe(false);
    expect(await unseal(b.keys.cipher, await seal(a.keys.cipher, 'x'))).toBe('x');
  });

  it('keeps data in the clear, saying why, without a key', async () => {
    expect(await atRestFrom({ kind: 'none', reason: 'no-keychain' })).toEqual({ kind: 'clear', reason: 'no-keychain' });
  });
});
