import type { Migration } from './index';

/**
 * Lets a push send its whole write transaction in one go: the check that the
 * state it was decided against still holds runs inside the transaction, and
 * when it does not, this raises (SQLSTATE HD001) so the statements after it
 * fail and the COMMIT becomes a ROLLBACK, instead of the server waiting for
 * the check's answer while the transaction sits open.
 */
export const pushStateGuard: Migration = {
  version: 5,
  name: 'push-state-guard',
  sql: `
create function push_state_holds(holds boolean) returns boolean
language plpgsql as $$
begin
  if holds is not true then
    raise exception using errcode = 'HD001', message = 'the push was decided against a state that has changed';
  end if;
  return true;
end
$$;
`,
};
