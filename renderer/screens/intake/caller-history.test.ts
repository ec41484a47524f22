import { describe, expect, it } from 'vitest';
import { emptyProjection, type ComplaintProjection } from '../../../shared/fold/projection';
import { callerHistory } from './caller-history';

const complaint = (id: string, phone: string, receivedAt: string): ComplaintProjection => ({
  ...emptyProjection(id, 'gz'),
  number: id.toUpperCase(),
  receivedAt,
  complainant: { name: '客户', phone, customerType: 'ordinary' },
});

describe('the caller’s earlier complaints', () => {
  const found = [
    complaint('a', '138 0013 8000', '2026-11-01T09:00:00Z'),
    complaint('b', '+86 13800138000', '2026-11-20T09:00:00Z'),
    complaint('c', '13900138000', '2026-11-25T09:00:00Z'),
    complaint('now', '13800138000', '2026-12-06T09:00:00Z'),
  ];

  it('lists the same number however written, newest first, without the complaint being registered', () => {
    expect(callerHistory(found, '13800138000', 'now').map((p) => p.id)).toEqual(['b', 'a']);
  });

  it('lists nothing for a number too short to search', () => {
    expect(callerHistory(found, '138', null)).toEqual([]);
  });
});
