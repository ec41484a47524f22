/**
 * Keyboard shortcuts, as data so the help panel lists exactly what works.
 * `combo` is written like "Alt+N", "Ctrl+S", "/", "J".
 */
export interface Hotkey {
  id:
    | 'newComplaint'
    | 'save'
    | 'soothing'
    | 'escalate'
    | 'search'
    | 'next'
    | 'previous'
    | 'open'
    | 'copyScript'
    | 'help'
    | 'close';
  combos: string[];
}

export const HOTKEYS: readonly Hotkey[] = [
  { id: 'newComplaint', combos: ['Alt+N'] },
  { id: 'save', combos: ['Ctrl+S'] },
  { id: 'soothing', combos: ['Alt+S'] },
  { id: 'escalate', combos: ['Alt+E'] },
  { id: 'search', combos: ['/', 'Ctrl+F'] },
  { id: 'next', combos: ['J', 'ArrowDown'] },
  { id: 'previous', combos: ['K', 'ArrowUp'] },
  { id: 'open', combos: ['Enter'] },
  { id: 'copyScript', combos: ['Alt+1…9'] },
  { id: 'help', combos: ['F1', '?'] },
  { id: 'close', combos: ['Escape'] },
];

export interface KeyLike {
  key: string;
  code?: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * Whether a key event matches a combo. Letters compare by physical key too, so
 * Alt+N works on layouts (and macOS Option) where Alt changes the character.
 * Cmd stands in for Ctrl on macOS.
 */
export function matches(e: KeyLike, combo: string): boolean {
  const parts = combo.split('+');
  const key = parts.pop() ?? '';
  const want = { alt: parts.includes('Alt'), ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift') };
  if (e.altKey !== want.alt) return false;
  if ((e.ctrlKey || e.metaKey) !== want.ctrl) return false;
  if (key.length === 1 && /[A-Za-z]/.test(key)) {
    if (e.shiftKey !== want.shift) return false;
    return e.key.toLowerCase() === key.toLowerCase() || e.code === `Key${key.toUpperCase()}`;
  }
  if (key.length === 1 && /[0-9]/.test(key)) return e.key === key || e.code === `Digit${key}`;
  // Punctuation such as "/" or "?" already carries its shift state in the character.
  return e.key === key;
}

/** The digit 1–9 of an Alt+digit combo, or null. */
export function altDigit(e: KeyLike): number | null {
  if (!e.altKey || e.ctrlKey || e.metaKey) return null;
  const m = /^Digit([1-9])$/.exec(e.code ?? '') ?? /^([1-9])$/.exec(e.key);
  return m ? Number(m[1]) : null;
}

/** Plain-letter shortcuts must not fire while the user is typing. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== 'string') return false;
  const el = target as HTMLElement;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes(type);
  }
  return el.isContentEditable === true;
}
