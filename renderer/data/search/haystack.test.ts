import { describe, expect, it } from 'vitest';
import { emptyProjection } from '../../../shared/fold/projection';
import { FIELD_SEPARATOR, haystackOf, queryKey } from './haystack';

describe('haystackOf', () => {
  it('finds a complaint number typed without its dashes, in part or whole', () => {
    const hay = haystackOf({ ...emptyProjection('c1', 'gz'), number: 'GZ-20261123-0042' });
    for (const typed of ['GZ-20261123-0042', 'gz202611230042', '202611230042', '20261123-0042']) {
      expect(hay.split(FIELD_SEPARATOR).some((field) => field.includes(queryKey(typed))), typed).toBe(true);
    }
  });
});
