import { describe, expect, it } from 'vitest';
import {
  complaintRedactedPayloadSchema,
  investigationRecordedPayloadSchema,
  refundRequestedPayloadSchema,
  resolutionRecordedPayloadSchema,
  surveyRecordedPayloadSchema,
} from './outcome';

describe('outcome payloads', () => {
  it('investigation bounds its evidence list', () => {
    const base = { method: 'interview', finding: 'partially', evidenceRefs: [] as string[] };
    expect(investigationRecordedPayloadSchema.safeParse(base).success).toBe(true);
    expect(investigationRecordedPayloadSchema.safeParse({ ...base, evidenceRefs: Array(51).fill('e') }).success).toBe(false);
    expect(investigationRecordedPayloadSchema.safeParse({ ...base, finding: 'yes' }).success).toBe(false);
    expect(investigationRecordedPayloadSchema.safeParse({ ...base, criteria: ['taboo_phrases', 'unkept_promise'] }).success).toBe(true);
    expect(investigationRecordedPayloadSchema.safeParse({ ...base, criteria: ['bad_mood'] }).success).toBe(false);
  });

  it('a resolution names at least one kind', () => {
    expect(resolutionRecordedPayloadSchema.safeParse({ kinds: [], text: 't' }).success).toBe(false);
    expect(resolutionRecordedPayloadSchema.safeParse({ kinds: ['refund', 'apology'], text: 't' }).success).toBe(true);
  });

  it('refund amounts are positive money with at most two decimals', () => {
    const base = { withinAuthority: true, reason: 'r' };
    expect(refundRequestedPayloadSchema.safeParse({ ...base, amount: 12.34 }).success).toBe(true);
    expect(refundRequestedPayloadSchema.safeParse({ ...base, amount: 0.1 + 0.2 }).success).toBe(true);
    expect(refundRequestedPayloadSchema.safeParse({ ...base, amount: 1.005 }).success).toBe(false);
    expect(refundRequestedPayloadSchema.safeParse({ ...base, amount: -1 }).success).toBe(false);
    expect(refundRequestedPayloadSchema.safeParse({ ...base, amount: Number.NaN }).success).toBe(false);
    expect(refundRequestedPayloadSchema.safeParse({ ...base, amount: Number.POSITIVE_INFINITY }).success).toBe(false);
  });

  it('a survey score stays within its scale', () => {
    expect(surveyRecordedPayloadSchema.safeParse({ score: 5, scale: 5 }).success).toBe(true);
    expect(surveyRecordedPayloadSchema.safeParse({ score: 6, scale: 5 }).success).toBe(false);
    expect(surveyRecordedPayloadSchema.safeParse({ score: 10 }).success).toBe(true);
    expect(surveyRecordedPayloadSchema.safeParse({ score: 0 }).success).toBe(false);
  });

  it('a redaction names known fields only', () => {
    expect(complaintRedactedPayloadSchema.safeParse({ fields: ['description'], reason: '保存期满' }).success).toBe(true);
    expect(complaintRedactedPayloadSchema.safeParse({ fields: ['actorId'], reason: 'x' }).success).toBe(false);
  });
});
