import { describe, expect, it } from 'vitest';
import type { JsonFile } from './json-file';
import { chromiumLangFor, saveUiLanguage, UI_LANGUAGE_KEY } from './ui-language';

function memoryFile(initial: unknown): JsonFile & { value: unknown; writes: number } {
  const file = {
    value: initial,
    writes: 0,
    read: async () => file.value,
    write: async (v: unknown) => {
      file.value = v;
      file.writes += 1;
    },
  };
  return file;
}

describe('the display language the desktop shell starts Chromium in', () => {
  it('is the language chosen last, so native date fields follow the UI', () => {
    expect(chromiumLangFor({ [UI_LANGUAGE_KEY]: 'zh-CN' })).toBe('zh-CN');
    expect(chromiumLangFor({ [UI_LANGUAGE_KEY]: 'en' })).toBe('en-US');
  });

  it("is the system's before a choice, or when the file holds something else", () => {
    for (const settings of [undefined, null, 'x', {}, { [UI_LANGUAGE_KEY]: 'fr' }, { [UI_LANGUAGE_KEY]: '--inspect' }]) {
      expect(chromiumLangFor(settings)).toBeNull();
    }
  });

  it('is saved beside the other settings without touching them, and only when it changes', async () => {
    const file = memoryFile({ serverUrl: 'https://desk.example.cn', lanHttpHosts: ['10.1.2.3'] });
    await saveUiLanguage(file, 'en');
    expect(file.value).toEqual({ serverUrl: 'https://desk.example.cn', lanHttpHosts: ['10.1.2.3'], [UI_LANGUAGE_KEY]: 'en' });
    await saveUiLanguage(file, 'en');
    expect(file.writes).toBe(1);
    const empty = memoryFile(undefined);
    await saveUiLanguage(empty, 'zh-CN');
    expect(chromiumLangFor(empty.value)).toBe('zh-CN');
  });
});
