import { describe, expect, it } from 'vitest';
import { altDigit, HOTKEYS, isTypingTarget, matches, type KeyLike } from './hotkeys';

const key = (k: Partial<KeyLike> & { key: string }): KeyLike => ({
  altKey: false, ctrlKey: false, metaKey: false, shiftKey: false, ...k,
});

describe('matches', () => {
  it('matches Alt+N by character or by physical key', () => {
    expect(matches(key({ key: 'n', altKey: true }), 'Alt+N')).toBe(true);
    expect(matches(key({ key: '˜', code: 'KeyN', altKey: true }), 'Alt+N')).toBe(true);
    expect(matches(key({ key: 'n' }), 'Alt+N')).toBe(false);
  });
  it('treats Cmd as Ctrl', () => {
    expect(matches(key({ key: 's', ctrlKey: true }), 'Ctrl+S')).toBe(true);
    expect(matches(key({ key: 's', metaKey: true }), 'Ctrl+S')).toBe(true);
    expect(matches(key({ key: 's', ctrlKey: true, altKey: true }), 'Ctrl+S')).toBe(false);
  });
  it('does not take a capital J for j', () => {
    expect(matches(key({ key: 'j' }), 'J')).toBe(true);
    expect(matches(key({ key: 'J', shiftKey: true }), 'J')).toBe(false);
  });
  it('matches punctuation by its character', () => {
    expect(matches(key({ key: '/' }), '/')).toBe(true);
    expect(matches(key({ key: '?', shiftKey: true }), '?')).toBe(true);
  });
});

describe('altDigit', () => {
  it('reads Alt+1…9', () => {
    expect(altDigit(key({ key: '3', code: 'Digit3', altKey: true }))).toBe(3);
    expect(altDigit(key({ key: '¡', code: 'Digit1', altKey: true }))).toBe(1);
    expect(altDigit(key({ key: '0', code: 'Digit0', altKey: true }))).toBeNull();
    expect(altDigit(key({ key: '3' }))).toBeNull();
  });
});

describe('isTypingTarget', () => {
  it('knows text fields from buttons and checkboxes', () => {
    expect(isTypingTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isTypingTarget({ tagName: 'INPUT', type: 'checkbox' } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isTypingTarget(null)).toBe(false);
  });
});

describe('HOTKEYS', () => {
  it('gives every shortcut a combo and no combo twice', () => {
    const combos = HOTKEYS.flatMap((h) => h.combos);
    expect(HOTKEYS.every((h) => h.combos.length > 0)).toBe(true);
    expect(new Set(combos).size).toBe(combos.length);
  });
});
