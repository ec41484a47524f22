import type { ServerChangeResult } from '../data/server-change';

/** The i18n key and values of what the form says after an attempt: done, already so, or why not. */
export function serverChangeMessage(outcome: ServerChangeResult): { key: string; values: Record<string, string>; error: boolean } {
  if (!outcome.ok) return { key: `settings.server.errors.${outcome.error}`, values: {}, error: true };
  return { key: outcome.changed ? 'settings.server.done' : 'settings.server.unchanged', values: { url: outcome.serverUrl }, error: false };
}
