/**
 * An earlier complaint from the same phone in the same category, inside the
 * policy's repeat window: from the local store, or from the server's wider
 * view when online (only what intake needs to warn).
 */
export interface PriorComplaint {
  id: string;
  number: string | null;
  status: string;
  category: string | null;
  branchId: string;
  /** ISO instant of receipt (creation when unknown). */
  receivedAt: string | null;
  source: 'local' | 'server';
}
