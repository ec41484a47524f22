import { describe, expect, it } from 'vitest';
import { SECRET_NAMES } from './bridge';
import { MAX_SECRET_LENGTH, notificationSchema, pendingCountSchema, secretNameSchema, secretValueSchema } from './ipc-args';

describe('bridge argument schemas', () => {
  it('accepts the secret names the app uses', () => {
    for (const name of Object.values(SECRET_NAMES)) expect(secretNameSchema.safeParse(name).success).toBe(true);
  });

  it.each(['', '../secrets', 'A', 'a/b', 'a'.repeat(65), '__proto__'])('refuses the secret name %j', (name) => {
    expect(secretNameSchema.safeParse(name).success).toBe(false);
  });

  it('bounds secret values', () => {
    expect(secretValueSchema.safeParse('x'.repeat(MAX_SECRET_LENGTH)).success).toBe(true);
    expect(secretValueSchema.safeParse('x'.repeat(MAX_SECRET_LENGTH + 1)).success).toBe(false);
  });

  it('accepts a deadline notification and refuses unknown options', () => {
    expect(
      notificationSchema.safeParse({ title: 'Deadline', body: 'C-1 is due at 17:00', options: { complaintId: '0190f0e2-aaaa', tag: 't' } }).success,
    ).toBe(true);
    expect(notificationSchema.safeParse({ title: 'x', body: 'y', options: { icon: 'file:///x' } }).success).toBe(false);
    expect(notificationSchema.safeParse({ title: '', body: 'y' }).success).toBe(false);
    expect(notificationSchema.safeParse({ title: 'x', body: 'y', options: { complaintId: '<script>' } }).success).toBe(false);
  });

  it('takes only whole, non-negative pending counts', () => {
    expect(pendingCountSchema.safeParse(0).success).toBe(true);
    expect(pendingCountSchema.safeParse(12).success).toBe(true);
    expect(pendingCountSchema.safeParse(-1).success).toBe(false);
    expect(pendingCountSchema.safeParse(1.5).success).toBe(false);
    expect(pendingCountSchema.safeParse(Number.NaN).success).toBe(false);
    expect(pendingCountSchema.safeParse('3').success).toBe(false);
  });
});
