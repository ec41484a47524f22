import { describe, expect, it } from 'vitest';
import { parseStreamMessage, pullPageSchema } from './events';

describe('stream messages', () => {
  it('reads RESYNC and pages of documents, and skips what it does not understand', () => {
    expect(parseStreamMessage('"RESYNC"')).toBe('RESYNC');
    const page = parseStreamMessage('{"documents":[{"id":"e1","status":"rejected","reason":{"code":"schema","message":"m"},"x":1}],"checkpoint":{"seq":4}}');
    expect(page).toEqual({ documents: [{ id: 'e1', status: 'rejected', reason: { code: 'schema', message: 'm' }, x: 1 }], checkpoint: { seq: 4 } });
    expect(parseStreamMessage('"HELLO"')).toBeNull();
    expect(parseStreamMessage('{"documents":[{"noid":1}],"checkpoint":{"seq":1}}')).toBeNull();
    expect(parseStreamMessage('not json')).toBeNull();
  });

  it('a pull page needs a checkpoint', () => {
    expect(pullPageSchema.safeParse({ documents: [] }).success).toBe(false);
    expect(pullPageSchema.safeParse({ documents: [], checkpoint: { seq: 0 } }).success).toBe(true);
  });
});
