import { describe, expect, it } from 'vitest';
import { callbackAttemptedPayloadSchema, callbackMidCourseNotePayloadSchema, officerReviewedPayloadSchema } from './callback';

describe('callback payloads', () => {
  it('an attempt carries whether the customer was reached and the call serial', () => {
    expect(callbackAttemptedPayloadSchema.safeParse({ reached: false, serial: 'SN-9' }).success).toBe(true);
    expect(callbackAttemptedPayloadSchema.safeParse({ reached: false }).success).toBe(false);
    expect(callbackAttemptedPayloadSchema.safeParse({ reached: 'no', serial: 'SN-9' }).success).toBe(false);
  });

  it('a mid-course note fills every blank of the template', () => {
    const note = { recordingSerial: 'S1', agentConduct: '语气生硬', complaintFounded: false, customerAccepted: true, callbackSerial: 'S2' };
    expect(callbackMidCourseNotePayloadSchema.safeParse(note).success).toBe(true);
    const { agentConduct: _dropped, ...missing } = note;
    expect(callbackMidCourseNotePayloadSchema.safeParse(missing).success).toBe(false);
  });

  it('an officer review decides revoked or continue', () => {
    expect(officerReviewedPayloadSchema.safeParse({ decision: 'revoked' }).success).toBe(true);
    expect(officerReviewedPayloadSchema.safeParse({ decision: 'maybe' }).success).toBe(false);
  });
});
