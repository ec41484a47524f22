import type { RelayVerdict } from '../../shared/protocol/hub';
import { lockComplaints } from '../complaints/projection-rows';
import type { Db } from '../db/db';
import type { SettingsStore } from '../reference/settings-store';
import { cleanText } from '../sync/wire';
import { projectionStatements, pruneStatement, reannounce, refold, sequenceLock } from './refold-store';

/**
 * Central's verdicts on relayed events, applied in one transaction. An
 * accepted event is confirmed. A rejected one becomes rejected here too,
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
    if (accepted.length) {
      await tx.query(`update events set upstream = 'confirmed' where id = any($1::text[]) and upstream = 'pending'`, [accepted]);
    }
    if (!rejected.length) {
      // A confirmed transfer out of the branch: the complaint's copy leaves the hub now.
      await tx.finish([pruneStatement(branchId)]);
      return false;
    }
    const demoted = await tx.query<{ id: string; complaint_id: string | null }>(
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
    );
    const touched = [...new Set(demoted.map((d) => d.complaint_id).filter((c): c is string => c !== null))];
    await lockComplaints(db, tx, touched);
    const fctx = await settings.current(tx);
    const projections = await refold(tx, { policy: fctx.policy, calendar: fctx.calendar }, touched);
    await tx.finish([
      ...projectionStatements(projections, fctx.policy.revision),
      ...sequenceLock(db),
      ...reannounce(
        db,
        demoted.map((d) => d.id),
      ),
      pruneStatement(branchId),
    ]);
    return demoted.length > 0;
  });
}
