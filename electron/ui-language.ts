import { uiLanguageSchema, type UiLanguage } from '../shared/platform/ipc-args';
import type { JsonFile } from './json-file';

/** The display language in settings.json, written when the user picks one. */
export const UI_LANGUAGE_KEY = 'uiLanguage';

/** Chromium's `--lang` for a display language: what native date and time fields are formatted in. */
const CHROMIUM_LANG: Record<UiLanguage, string> = { 'zh-CN': 'zh-CN', en: 'en-US' };

/**
 * The `--lang` to start Chromium with: the display language chosen last time,
 * or null (the system's) before anyone chose one or when the file was edited
 * into something else. Read before the app is ready, so it is given the
 * settings as parsed, not a file.
 */
export function chromiumLangFor(settings: unknown): string | null {
  if (typeof settings !== 'object' || settings === null) return null;
  const parsed = uiLanguageSchema.safeParse((settings as Record<string, unknown>)[UI_LANGUAGE_KEY]);
  return parsed.success ? CHROMIUM_LANG[parsed.data] : null;
}

/** Remembers the display language beside the other settings, leaving them as they are. */
export async function saveUiLanguage(file: JsonFile, language: UiLanguage): Promise<void> {
  const current = await file.read();
  const settings = typeof current === 'object' && current !== null ? (current as Record<string, unknown>) : {};
  if (settings[UI_LANGUAGE_KEY] === language) return;
  await file.write({ ...settings, [UI_LANGUAGE_KEY]: language });
}
