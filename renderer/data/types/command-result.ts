export type CommandError =
  | 'not_signed_in'
  | 'forbidden'
  | 'invalid'
  | 'not_found'
  | 'not_allowed_now';

export type CommandResult =
  | { ok: true; eventId: string }
  /** `code`: the server's reason code when the client's own check refused it as the server would. */
  | { ok: false; error: CommandError; message?: string; code?: string };
