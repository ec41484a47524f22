import type { Role } from '../roles';

/**
 * Roles that call customers back and so need the whole number; every other
 * role sees it masked (客户信息保密: minimal necessary disclosure).
 */
export const PHONE_ROLES: readonly Role[] = ['agent', 'team_lead', 'complaint_officer', 'supervisor'];

export function roleSeesPhone(role: Role): boolean {
  return PHONE_ROLES.includes(role);
}

/** 13812345678 → 138****5678; short numbers keep only their last digits. */
export function maskPhone(phone: string): string {
  const digits = [...phone.normalize('NFKC').replace(/\s/g, '')];
  if (digits.length === 0) return '';
  if (digits.length >= 11) return `${digits.slice(0, 3).join('')}****${digits.slice(-4).join('')}`;
  const keep = Math.min(4, Math.floor(digits.length / 2));
  return `${'*'.repeat(digits.length - keep)}${digits.slice(digits.length - keep).join('')}`;
}

export function phoneForRole(phone: string | null | undefined, role: Role): string {
  const p = phone ?? '';
  return roleSeesPhone(role) ? p : maskPhone(p);
}
