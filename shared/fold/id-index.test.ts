import { describe, expect, it } from 'vitest';
import { indexOfId, markExtended, markFolded } from './id-index';
import { eventFactory } from '../test-support/fold-fixtures';
import type { EventEnvelope } from '../events/envelope';

const ev = eventFactory('c-1');
const make = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ev('note.added', null, { id: `${prefix}-${i}` }));

function extend(parent: EventEnvelope[], id: string): EventEnvelope[] {
  const child = parent.concat([ev('note.added', null, { id })]);
  markExtended(parent, child);
  return child;
}

describe('indexOfId', () => {
  it('scans lists it did not build', () => {
    const list = make(100, 'x');
    expect(indexOfId(list, 'x-57')).toBe(57);
    expect(indexOfId(list, 'nope')).toBe(-1);
  });

  it('finds every id along a line of extended lists, and none from later lists', () => {
    const base = make(70, 'a');
    markFolded(base);
    const lists = [base];
    for (let i = 0; i < 50; i++) lists.push(extend(lists.at(-1)!, `b-${i}`));
    for (const list of lists) {
      for (let i = 0; i < list.length; i++) expect(indexOfId(list, list[i]!.id)).toBe(i);
    }
    expect(indexOfId(base, 'b-0')).toBe(-1);
    expect(indexOfId(lists[10]!, 'b-10')).toBe(-1);
    expect(indexOfId(lists[11]!, 'b-10')).toBe(80);
  });

  it('keeps forks apart', () => {
    const base = make(80, 'a');
    markFolded(base);
    const left = extend(base, 'left');
    const right = extend(base, 'right');
    const rightAgain = extend(right, 'right-2');
    expect(indexOfId(left, 'left')).toBe(80);
    expect(indexOfId(left, 'right')).toBe(-1);
    expect(indexOfId(right, 'right')).toBe(80);
    expect(indexOfId(right, 'left')).toBe(-1);
    expect(indexOfId(rightAgain, 'right-2')).toBe(81);
    expect(indexOfId(rightAgain, 'left')).toBe(-1);
    expect(indexOfId(extend(left, 'left-2'), 'right-2')).toBe(-1);
  });
});
