import type { RelayVerdict } from '../../shared/protocol/hub';
import { lockComplaints } from '../complaints/projection-rows';
import type { Db } from '../db/db';
import type { SettingsStore } from '../reference/settings-store';
import { cleanText } from '../sync/wire';
import { pruneStatement, refoldAndAnnounce, sequenceLock } from './refold-store';

/**
 * Central's verdicts on relayed events, applied in one transaction. An
 * accepted event is confirmed; one the hub had refused for the state it
 * knew (relay-up.ts) becomes accepted here too (marked `overruled`: its
 * author was told otherwise, which the prune remembers), its complaint is
 * folded again with it, and it is announced again to the whole branch. A rejected
 * one becomes rejected here too,
 * with central's reason: its complaint is folded again without it, and it
 * is announced again on the hub's feed (a fresh sequence number, still
 * visible to the branch) so every workstation that holds it as accepted,
 * its author first, pulls it again as rejected. Resolves to true when the
 * feed changed.
 */
export async function applyVerdicts(db: Db, settings: SettingsStore, branchId: string, verdicts: readonly RelayVerdict[]): Promise<boolean> {
  const accepted = verdicts.filter((v) => v.status === 'accepted').map((v) => v.id);
  const rejected = verdicts.filter((v) => v.status === 'rejected');
  return db.transaction(async (tx) => {
    const promoted = accepted.length
      ? await tx.query<{ id: string; complaint_id: string | null }>(
          `update events set status = 'accepted', reason_code = null, reason_message = null, upstream = 'confirmed', overruled = true
            where id = any($1::text[]) and upstream = 'pending' and status = 'rejected'
           returning id, complaint_id`,
          [accepted],
        )
      : [];
    if (accepted.length) {
      await tx.query(`update events set upstream = 'confirmed' where id = any($1::text[]) and upstream = 'pending'`, [accepted]);
    }
    if (!rejected.length && !promoted.length) {
      // A confirmed transfer out of the branch: the complaint's copy leaves the hub now (the prune may announce again: feed order).
      const [pruned] = await tx.finish<{ told: unknown }>([...sequenceLock(db), pruneStatement(branchId)]);
      return Number(pruned?.told ?? 0) > 0;
    }
    const demoted = rejected.length
      ? await tx.query<{ id: string; complaint_id: string | null }>(
          `update events e set status = 'rejected', reason_code = r.code, reason_message = r.message, upstream = 'rejected'
             from json_to_recordset($1::json) as r(id text, code text, message text)
            where e.id = r.id and e.upstream = 'pending'
           returning e.id, e.complaint_id`,
          [
            JSON.stringify(
              rejected.map((v) => ({
                id: v.id,
                code: cleanText(v.reason?.code ?? 'rejected', 64),
                message: cleanText(v.reason?.message ?? 'Refused by the central server', 500),
              })),
            ),
          ],
        )
      : [];
    const changed = [...promoted, ...demoted];
    const touched = [...new Set(changed.map((d) => d.complaint_id).filter((c): c is string => c !== null))];
    await lockComplaints(db, tx, touched);
    await tx.finish(
      await refoldAndAnnounce(db, tx, settings, {
        branchId,
        touched,
        changedIds: changed.map((d) => d.id),
        acceptedIds: promoted.map((d) => d.id),
      }),
    );
    return changed.length > 0;
  });
}
