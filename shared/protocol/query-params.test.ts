import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { textParam, wholeNumberParam } from './query-params';

describe('query parameters', () => {
  const q = z.object({ seq: wholeNumberParam(0), limit: wholeNumberParam(1), status: textParam(10) });

  it('reads absent and empty values as not given', () => {
    expect(q.parse({})).toEqual({});
    expect(q.parse({ seq: '', limit: '', status: '' })).toEqual({ seq: undefined, limit: undefined, status: undefined });
  });

  it('reads digits as numbers and text as it came', () => {
    expect(q.parse({ seq: '0', limit: '25', status: 'filed' })).toEqual({ seq: 0, limit: 25, status: 'filed' });
  });

  it.each([
    [{ seq: '1e3' }, 'must be a whole number'],
    [{ seq: '-1' }, 'must be a whole number'],
    [{ seq: '1'.repeat(16) }, 'must be a whole number'],
    [{ limit: '0' }, 'must be at least 1'],
    [{ status: 'a\u0000b' }, 'must not contain NUL or malformed Unicode'],
    [{ status: '\ud800' }, 'must not contain NUL or malformed Unicode'],
  ])('refuses %o', (raw, message) => {
    const r = q.safeParse(raw);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });

  it('refuses a name given twice (a list) and text over its bound', () => {
    expect(q.safeParse({ seq: ['1', '2'] }).success).toBe(false);
    expect(q.safeParse({ status: 'x'.repeat(11) }).success).toBe(false);
  });
});
