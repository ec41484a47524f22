/**
 * The name of one user's local database: derived from the user id (hashed, so
 * any id makes a valid database name and the name on disk does not spell the id),
 * stable across restarts so that user's unsynced events are found again.
 */
export async function userDatabaseName(base: string, userId: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`hotline-desk-user\u0000${userId}`));
  const hex = Array.from(new Uint8Array(digest).subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('');
  return `${base}-user-${hex}`;
}
