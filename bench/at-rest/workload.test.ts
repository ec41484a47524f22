import { describe, expect, it } from 'vitest';
import { complaintCreatedPayloadSchema } from '../../shared/events/payloads/intake';
import { workloadComplaint } from './workload';

describe('the at-rest benchmark workload', () => {
  it('is the same complaint for the same index, another for the next, and valid intake', () => {
    expect(workloadComplaint(42)).toEqual(workloadComplaint(42));
    expect(workloadComplaint(42).intake.complainant.phone).not.toBe(workloadComplaint(43).intake.complainant.phone);
    for (const i of [0, 1, 4999, 19_999]) {
      const { intake } = workloadComplaint(i);
      expect(intake.complainant.phone).toMatch(/^139\d{8}$/);
      const parsed = complaintCreatedPayloadSchema.safeParse({ ...intake, number: 'GZ-20261206-0001', receivedAt: '2026-12-06T10:00:00.000+08:00' });
      expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    }
  });
});
