import { Role } from '@yizhan/shared';
import type { MiddlewareFn } from 'type-graphql';
import { hasRole, type Viewer } from './viewer';

/** Roles that call people and so see their phone numbers unmasked; VIEWER does not. */
const PHONE_ROLES: readonly Role[] = [Role.ADMIN, Role.OFFICER, Role.OPERATOR, Role.STAFF, Role.ENTERPRISE];

function seesPersonalPhones(viewer: Viewer | null): boolean {
  return hasRole(viewer, ...PHONE_ROLES);
}

/** `13812345678` → `138****5678`; landlines keep the area code and the last four digits. */
function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keepStart = phone.startsWith('1') ? 3 : Math.max(0, phone.indexOf('-') + 1);
  return phone.slice(0, keepStart) + '*'.repeat(phone.length - keepStart - 4) + phone.slice(-4);
}

/** Field middleware for personal phone numbers (declared `personalPhone` in `shared/`). */
export const maskPersonalPhone: MiddlewareFn<{ readonly viewer: Viewer | null }> = async ({ context }, next) => {
  const phone: unknown = await next();
  return typeof phone === 'string' && !seesPersonalPhones(context.viewer) ? maskPhone(phone) : phone;
};
