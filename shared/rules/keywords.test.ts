import { describe, expect, it } from 'vitest';
import { matchKeywords } from './keywords';

describe('urgent keyword matching', () => {
  it('finds Chinese keywords anywhere', () => {
    expect(matchKeywords('孩子触电受伤了', ['受伤', '死亡'])).toEqual(['受伤']);
  });

  it('matches Latin keywords as whole words, ignoring case and full width', () => {
    expect(matchKeywords('We will SUE.', ['sue'])).toEqual(['sue']);
    expect(matchKeywords('an issue', ['sue'])).toEqual([]);
    expect(matchKeywords('ｐｏｌｉｃｅ came', ['police'])).toEqual(['police']);
    expect(matchKeywords('打12315投诉', ['12315'])).toEqual(['12315']);
    expect(matchKeywords('major losses', ['major loss'])).toEqual([]);
  });

  it('treats keywords as text, not patterns, and skips blanks', () => {
    expect(matchKeywords('a+b', ['a+b', '  ', '.*'])).toEqual(['a+b']);
  });
});
