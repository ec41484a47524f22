import type { ServerUrlProblem } from './server-url';

/** Why the bridge did not change the server: the address rule's problem, or the person at the workstation said no. */
export type ServerChangeRefusal = ServerUrlProblem | 'declined';

const CODES: readonly ServerChangeRefusal[] = ['empty', 'too_long', 'not_url', 'scheme', 'credentials', 'query', 'plain_http', 'declined'];

/**
 * The error both bridges throw when they refuse a new address. The code
 * travels in the message, in brackets, because an error crossing Electron's
 * IPC keeps only its message.
 */
export function serverChangeError(code: ServerChangeRefusal, reason: string): Error {
  return new Error(code === 'declined' ? `the new server address was not confirmed [declined]` : `invalid server address [${code}]: ${reason}`);
}

/** The refusal's code from a bridge's error, or null when it failed otherwise (the bridge itself broke). */
export function serverChangeRefusal(err: unknown): ServerChangeRefusal | null {
  const message = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const m = /(?:invalid server address|server address was not confirmed) \[([a-z_]+)\]/.exec(message);
  const code = m?.[1] as ServerChangeRefusal | undefined;
  return code && CODES.includes(code) ? code : null;
}
