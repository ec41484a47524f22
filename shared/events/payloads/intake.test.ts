import { describe, expect, it } from 'vitest';
import { complaintCreatedPayloadSchema, complaintNotAcceptedPayloadSchema, soothingRecordedPayloadSchema } from './intake';
import { samplePayloads } from '../../test-support/sample-payloads';

const created = samplePayloads['complaint.created'];

describe('complaint.created payload', () => {
  it('accepts the protocol fields with the optional ones left out', () => {
    const minimal = {
      number: 'N1',
      channel: 'web',
      receivedAt: '2026-11-23T02:00:00.000Z',
      complainant: { name: 'Li', phone: '+86 20-1234 5678', customerType: 'vip' },
      incident: {},
      respondent: {},
      category: 'other',
      description: 'x',
    };
    expect(complaintCreatedPayloadSchema.safeParse(minimal).success).toBe(true);
  });

  it('bounds the description to 1..10000 characters', () => {
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, description: '' }).success).toBe(false);
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, description: '投'.repeat(10_000) }).success).toBe(true);
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, description: 'a'.repeat(10_001) }).success).toBe(false);
  });

  it('accepts grades 1 to 4 only', () => {
    for (const grade of [1, 2, 3, 4]) {
      expect(complaintCreatedPayloadSchema.safeParse({ ...created, grade }).success).toBe(true);
    }
    for (const grade of [0, 5, 2.5, '2']) {
      expect(complaintCreatedPayloadSchema.safeParse({ ...created, grade }).success).toBe(false);
    }
  });

  it('rejects unknown channels, customer types, categories and nested keys', () => {
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, channel: 'fax' }).success).toBe(false);
    expect(
      complaintCreatedPayloadSchema.safeParse({ ...created, complainant: { ...created.complainant, customerType: 'gold' } }).success,
    ).toBe(false);
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, category: 'mood' }).success).toBe(false);
    expect(
      complaintCreatedPayloadSchema.safeParse({ ...created, complainant: { ...created.complainant, idCard: '1' } }).success,
    ).toBe(false);
  });

  it('rejects a blank name, a phone with letters and a receipt time without offset', () => {
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, complainant: { ...created.complainant, name: '  ' } }).success).toBe(false);
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, complainant: { ...created.complainant, phone: 'call me' } }).success).toBe(false);
    expect(complaintCreatedPayloadSchema.safeParse({ ...created, receivedAt: '2026-11-23T10:00:00' }).success).toBe(false);
  });
});

describe('complaint.not_accepted payload', () => {
  it('needs a reason', () => {
    expect(complaintNotAcceptedPayloadSchema.safeParse({}).success).toBe(false);
    expect(complaintNotAcceptedPayloadSchema.safeParse({ reason: ' ' }).success).toBe(false);
    expect(complaintNotAcceptedPayloadSchema.safeParse({ reason: '事实不清' }).success).toBe(true);
  });
});

describe('soothing.recorded payload', () => {
  it('needs all three steps and known emotions', () => {
    const base = samplePayloads['soothing.recorded'];
    expect(soothingRecordedPayloadSchema.safeParse({ ...base, steps: { calmed: true, understood: true } }).success).toBe(false);
    expect(soothingRecordedPayloadSchema.safeParse({ ...base, emotionAfter: 'happy' }).success).toBe(false);
    expect(soothingRecordedPayloadSchema.safeParse({ ...base, outcome: 'withdrawn', withdrawalReason: '客户不追究' }).success).toBe(true);
  });
});
