import { describe, expect, it } from 'vitest';
import { maskPhone, phoneForRole } from './masking';

describe('phone masking by role', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138 1234 5678')).toBe('+86****5678');
  });

  it('masks short numbers to their last digits', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('')).toBe('');
  });

  it('shows the whole number only to roles that call customers', () => {
    expect(phoneForRole('13812345678', 'team_lead')).toBe('13812345678');
    expect(phoneForRole('13812345678', 'supervisor')).toBe('13812345678');
    expect(phoneForRole('13812345678', 'quality_manager')).toBe('138****5678');
    expect(phoneForRole('13812345678', 'director')).toBe('138****5678');
    expect(phoneForRole(null, 'director')).toBe('');
  });
});
