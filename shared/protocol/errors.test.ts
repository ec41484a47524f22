import { describe, expect, it } from 'vitest';
import { errorOf } from './errors';

describe('errorOf', () => {
  it('reads the API error shape and nothing else', () => {
    expect(errorOf({ error: { code: 'forbidden', message: 'No' } })).toEqual({ code: 'forbidden', message: 'No' });
    expect(errorOf({ error: { code: 'x' } })).toBeNull();
    expect(errorOf(null)).toBeNull();
    expect(errorOf('text')).toBeNull();
  });
});
