import { describe, expect, it } from 'vitest';
import { complaintEscalatedPayloadSchema, extensionGrantedPayloadSchema, partiesNotifiedPayloadSchema } from './handling';

describe('complaint.escalated payload', () => {
  it('goes up the ladder', () => {
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 1, toLevel: 3, reason: 'request' }).success).toBe(true);
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 2, toLevel: 2, reason: 'request' }).success).toBe(false);
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 3, toLevel: 1, reason: 'grade' }).success).toBe(false);
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 0, toLevel: 5, reason: 'grade' }).success).toBe(false);
  });

  it('names a clock exactly when the reason is a breach', () => {
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 0, toLevel: 1, reason: 'breach' }).success).toBe(false);
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 0, toLevel: 1, reason: 'breach', clock: 'handling' }).success).toBe(true);
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 0, toLevel: 1, reason: 'request', clock: 'handling' }).success).toBe(false);
  });

  it('records a breach at the top rung without going higher', () => {
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 4, toLevel: 4, reason: 'breach', clock: 'handling' }).success).toBe(true);
    expect(complaintEscalatedPayloadSchema.safeParse({ fromLevel: 3, toLevel: 3, reason: 'breach', clock: 'handling' }).success).toBe(false);
  });
});

describe('extension.granted payload', () => {
  it('needs the reason told to the customer and a sane number of days', () => {
    expect(extensionGrantedPayloadSchema.safeParse({ days: 3 }).success).toBe(false);
    expect(extensionGrantedPayloadSchema.safeParse({ days: 0, reasonToldCustomer: 'x' }).success).toBe(false);
    expect(extensionGrantedPayloadSchema.safeParse({ days: 5, reasonToldCustomer: '需外部核实' }).success).toBe(true);
  });
});

describe('parties.notified payload', () => {
  it('names at least one agent and one lead', () => {
    expect(partiesNotifiedPayloadSchema.safeParse({ agentIds: [], leadIds: ['l'] }).success).toBe(false);
    expect(partiesNotifiedPayloadSchema.safeParse({ agentIds: ['a', 'b'], leadIds: ['l'] }).success).toBe(true);
  });
});
