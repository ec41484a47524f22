/**
 * What an agent's hands do to fill the intake form, one keystroke at a time:
 * Latin letters and digits as plain keys, Chinese through a pinyin input
 * method (each pinyin letter updates the composition, then one key commits
 * the word), Chinese punctuation committed by its own key. The runner sends
 * each step through Chrome's input pipeline (key events, IME composition and
 * commit), as a real keyboard and IME would reach the page.
 */

/** A piece of a field's text: typed key by key, or a word entered through pinyin. */
export type Segment = string | { pinyin: string; text: string };

export interface FieldScript {
  /** The intake field's id without its prefix (fieldId in use-intake-actions.ts). */
  field: string;
  segments: readonly Segment[];
}

export type Step =
  | { kind: 'focus'; field: string }
  /** A key that types its own character (Latin, digits, ASCII punctuation). */
  | { kind: 'key'; key: string }
  /** A pinyin letter: the IME's composition text becomes `composing`. */
  | { kind: 'compose'; composing: string }
  /** The key that commits the IME's candidate (or a Chinese punctuation mark). */
  | { kind: 'commit'; text: string };

const ASCII_KEY = /^[\x20-\x7e]$/;

/** The steps for a form: focus each field in turn, then its keystrokes. */
export function keystrokePlan(fields: readonly FieldScript[]): Step[] {
  const steps: Step[] = [];
  for (const f of fields) {
    steps.push({ kind: 'focus', field: f.field });
    for (const s of f.segments) {
      if (typeof s !== 'string') {
        for (let i = 1; i <= s.pinyin.length; i++) steps.push({ kind: 'compose', composing: s.pinyin.slice(0, i) });
        steps.push({ kind: 'commit', text: s.text });
        continue;
      }
      // Characters outside ASCII written as plain text (Chinese punctuation, full-width marks) come by one IME key each.
      for (const ch of s) steps.push(ASCII_KEY.test(ch) ? { kind: 'key', key: ch } : { kind: 'commit', text: ch });
    }
  }
  return steps;
}

/** The text a field holds once its script is typed (what the benchmark checks the form shows). */
export function typedText(field: FieldScript): string {
  return field.segments.map((s) => (typeof s === 'string' ? s : s.text)).join('');
}

export const isKeystroke = (s: Step): boolean => s.kind !== 'focus';
