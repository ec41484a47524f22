import { describe, expect, it } from 'vitest';
import { WRITE_PERMISSIONS, canWrite, inScope, mayWriteEvent, writableEventTypes } from './permissions';
import { EVENT_TYPES } from '../events/catalogue';
import { ROLES } from '../roles';

describe('role-based access: who writes which event', () => {
  it('covers every event type of the catalogue and nothing else', () => {
    expect(Object.keys(WRITE_PERMISSIONS).sort()).toEqual([...EVENT_TYPES].sort());
  });

  it('gives every event type at least one writer', () => {
    for (const t of EVENT_TYPES) expect(ROLES.some((r) => canWrite(r, t)), t).toBe(true);
  });

  it('lets agents register, soothe and file, but not review or approve', () => {
    expect(canWrite('agent', 'complaint.created')).toBe(true);
    expect(canWrite('agent', 'soothing.recorded')).toBe(true);
    expect(canWrite('agent', 'work_order.filed')).toBe(true);
    expect(canWrite('agent', 'refund.requested')).toBe(true);
    expect(canWrite('agent', 'officer.reviewed')).toBe(false);
    expect(canWrite('agent', 'refund.approved')).toBe(false);
    expect(canWrite('agent', 'callback.mid_course_note')).toBe(false);
    expect(canWrite('agent', 'complaint.redacted')).toBe(false);
  });

  it('gives the mid-course note to the team lead', () => {
    expect(canWrite('team_lead', 'callback.mid_course_note')).toBe(true);
    expect(canWrite('complaint_officer', 'callback.mid_course_note')).toBe(false);
  });

  it('gives notification and recording review to the complaint officer', () => {
    expect(canWrite('complaint_officer', 'parties.notified')).toBe(true);
    expect(canWrite('complaint_officer', 'officer.reviewed')).toBe(true);
    expect(canWrite('team_lead', 'officer.reviewed')).toBe(false);
  });

  it('leaves approvals beyond authority to supervisors and directors', () => {
    for (const t of ['refund.approved', 'refund.denied'] as const) {
      expect(ROLES.filter((r) => canWrite(r, t))).toEqual(['supervisor', 'director']);
    }
  });

  it('keeps the admin to reference data and redaction', () => {
    expect(writableEventTypes('admin')).toEqual(['complaint.redacted']);
  });

  it('lets every complaint worker escalate (a breach is written by whoever sees it first)', () => {
    // Admins handle no complaints, and a branch hub is a machine account that relays others' events.
    expect(ROLES.filter((r) => canWrite(r, 'complaint.escalated'))).toEqual(ROLES.filter((r) => r !== 'admin' && r !== 'hub'));
  });

  it('lets a branch hub write no event of its own', () => {
    expect(writableEventTypes('hub')).toEqual([]);
  });

  it('refuses unknown event types and inherited property names', () => {
    expect(canWrite('director', 'complaint.deleted')).toBe(false);
    expect(canWrite('director', 'toString')).toBe(false);
    expect(canWrite('director', '__proto__')).toBe(false);
  });
});

describe('branch scope: own branch, directors and admins all', () => {
  it('keeps branch roles to their branch', () => {
    for (const role of ['agent', 'team_lead', 'complaint_officer', 'quality_manager', 'supervisor'] as const) {
      expect(inScope({ role, branchId: 'gz' }, 'gz'), role).toBe(true);
      expect(inScope({ role, branchId: 'gz' }, 'dg'), role).toBe(false);
    }
  });

  it('lets directors and admins see every branch', () => {
    expect(inScope({ role: 'director', branchId: 'hq' }, 'dg')).toBe(true);
    expect(inScope({ role: 'admin', branchId: 'hq' }, 'gz')).toBe(true);
  });

  it('combines role and scope for a write', () => {
    expect(mayWriteEvent({ role: 'agent', branchId: 'gz' }, 'complaint.created', 'gz')).toBe(true);
    expect(mayWriteEvent({ role: 'agent', branchId: 'gz' }, 'complaint.created', 'dg')).toBe(false);
    expect(mayWriteEvent({ role: 'director', branchId: 'hq' }, 'refund.approved', 'dg')).toBe(true);
  });

  it('refuses a role that is not one', () => {
    expect(inScope({ role: 'root' as never, branchId: 'gz' }, 'gz')).toBe(false);
  });
});
