/**
 * The version of an account's credentials as workstations see it: the time
 * an admin last changed the account (password, disabled, role, branch all
 * update it). A workstation keeps it with its offline sign-in verifier and
 * drops the verifier when the server's directory shows another one.
 */
export function credentialsVersion(updatedAt: Date | string): string {
  const d = updatedAt instanceof Date ? updatedAt : new Date(updatedAt);
  return Number.isNaN(d.getTime()) ? String(updatedAt) : d.toISOString();
}
