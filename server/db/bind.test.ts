import { describe, expect, it } from 'vitest';
import { binder } from './bind';

describe('binder', () => {
  it('numbers placeholders after the parameters already there', () => {
    const params: unknown[] = ['a'];
    const bind = binder(params);
    expect(`x = ${bind(5)} and y = any(${bind(['p', 'q'])})`).toBe('x = $2 and y = any($3)');
    expect(params).toEqual(['a', 5, ['p', 'q']]);
  });
});
