import { describe, expect, it } from 'vitest';
import type { AuthUser } from '../auth/tokens';
import { eventDocJson, mayReadStoredEvent } from './stored-event';

const user = (id: string, role: AuthUser['role'], branchId: string | null): AuthUser => ({
  id,
  username: id,
  displayName: id,
  role,
  branchId,
  teamId: null,
  jobNumber: null,
});

describe('a stored event read by id', () => {
  const agent = user('u-a', 'agent', 'gz');

  it('the pusher and admins read it whatever its status', () => {
    expect(mayReadStoredEvent(agent, { pushed_by: 'u-a', status: 'rejected' }, null)).toBe(true);
    expect(mayReadStoredEvent(user('u-x', 'admin', 'gz'), { pushed_by: 'u-a', status: 'rejected' }, 'dg')).toBe(true);
  });

  it('others read only an accepted event of a complaint in their scope', () => {
    const other = { pushed_by: 'u-b', status: 'accepted' as const };
    expect(mayReadStoredEvent(agent, other, 'gz')).toBe(true);
    expect(mayReadStoredEvent(agent, other, 'dg')).toBe(false);
    expect(mayReadStoredEvent(agent, other, null)).toBe(false);
    expect(mayReadStoredEvent(agent, other, undefined)).toBe(false);
    expect(mayReadStoredEvent(agent, { pushed_by: 'u-b', status: 'rejected' }, 'gz')).toBe(false);
    expect(mayReadStoredEvent(user('u-d', 'director', 'gz'), other, 'dg')).toBe(true);
  });

  it('its document carries the server fields, and the reason when rejected', () => {
    const row = { seq: '7', doc: '{"id":"e1"}', status: 'rejected' as const, received_at: '2026-11-01T00:00:00.000Z', reason_code: 'bad', reason_message: null };
    expect(JSON.parse(eventDocJson(row))).toEqual({ id: 'e1', seq: 7, receivedAt: '2026-11-01T00:00:00.000Z', status: 'rejected', reason: { code: 'bad', message: '' } });
    expect(JSON.parse(eventDocJson({ ...row, status: 'accepted', reason_code: null }))).not.toHaveProperty('reason');
  });
});
