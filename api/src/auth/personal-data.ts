import { Role } from '@yizhan/shared';
import type { MiddlewareFn } from 'type-graphql';
import { hasRole, type Viewer } from './viewer';

/** Roles that call people and so see their phone numbers unmasked; VIEWER does not. */
const PHONE_ROLES: readonly Role[] = [Role.ADMIN, Role.OFFICER, Role.OPERATOR, Role.STAFF, Role.ENTERPRISE];

function seesPersonalPhones(viewer: Viewer | null): boolean {
  return hasRole(viewer, ...PHONE_ROLES);
}

const MOBILE = /^(1\d{2})(\d{4})(\d{4})$/;
const LANDLINE = /^(0\d{2,3}-?)(\d{3,4})(\d{4})(-\d{1,6})?$/;
/** Public service numbers such as the 12345 hotline are nobody's personal data. */
const SERVICE_NUMBER = /^\d{5}$/;

/**
 * `13812345678` → `138****5678`; a landline keeps its area code, last four digits and
 * extension (`0731-****1234-12`); anything else keeps its last four characters at most.
 */
export function maskPhone(phone: string): string {
  const mobile = MOBILE.exec(phone);
  if (mobile) return `${mobile[1]}****${mobile[3]}`;
  const landline = LANDLINE.exec(phone);
  if (landline) return `${landline[1]}${'*'.repeat(landline[2]!.length)}${landline[3]}${landline[4] ?? ''}`;
  if (SERVICE_NUMBER.test(phone)) return phone;
  const shown = Math.min(4, Math.floor(phone.length / 2));
  return '*'.repeat(phone.length - shown) + phone.slice(phone.length - shown);
}

/** Field middleware for personal phone numbers (declared `personalPhone` in `shared/`). */
export const maskPersonalPhone: MiddlewareFn<{ readonly viewer: Viewer | null }> = async ({ context }, next) => {
  const phone: unknown = await next();
  return typeof phone === 'string' && !seesPersonalPhones(context.viewer) ? maskPhone(phone) : phone;
};
