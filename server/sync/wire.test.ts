import { describe, expect, it } from 'vitest';
import { depthOf, isIdentifiableId, parsePushBody, PushBodyError, shallowCopy } from './wire';

describe('parsePushBody', () => {
  it('keeps the document without server fields or replication metadata', () => {
    const rows = parsePushBody([
      { assumedMasterState: null, newDocumentState: { id: 'a', x: 1, seq: 5, status: 'accepted', receivedAt: 'r', reason: {}, _meta: { lwt: 1 }, _rev: '1-x', _attachments: {} } },
    ]);
    expect(rows).toEqual([{ id: 'a', doc: { id: 'a', x: 1 } }]);
  });

  it('keeps a "__proto__" key as plain data', () => {
    const parsed = JSON.parse('[{"newDocumentState":{"id":"a","__proto__":{"polluted":true}}}]');
    const [row] = parsePushBody(parsed);
    expect(Object.getPrototypeOf(row!.doc)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    [{}, 400],
    [[{}], 400],
    [[{ newDocumentState: [] }], 400],
    [[{ newDocumentState: { id: 7 } }], 400],
    [[{ newDocumentState: { id: 'a\u0000' } }], 400],
    [[{ newDocumentState: { id: '\ud800' } }], 400],
    [Array.from({ length: 501 }, (_, i) => ({ newDocumentState: { id: `e${i}` } })), 413],
  ])('refuses %#', (body, status) => {
    try {
      parsePushBody(body);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(PushBodyError);
      expect((err as PushBodyError).status).toBe(status);
    }
  });

  it('identifiable ids', () => {
    expect(isIdentifiableId('0192-abc')).toBe(true);
    expect(isIdentifiableId('x'.repeat(200))).toBe(true);
    expect(isIdentifiableId('x'.repeat(201))).toBe(false);
    expect(isIdentifiableId('')).toBe(false);
  });
});

describe('depthOf', () => {
  it('measures nesting without recursion', () => {
    expect(depthOf({ a: 1 })).toBe(0);
    expect(depthOf({ a: { b: [1] } })).toBe(2);
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(depthOf(deep, 40)).toBe(40);
  });

  it('shallowCopy keeps top-level scalars and empties the payload', () => {
    expect(shallowCopy({ id: 'a', n: 1, payload: { deep: [] }, x: [1] })).toEqual({ id: 'a', n: 1, payload: {} });
  });
});
