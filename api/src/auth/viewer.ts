import { Role } from '@yizhan/shared';

/** The signed-in caller, as the token describes them. */
export interface Viewer {
  readonly id: string;
  readonly username: string;
  readonly roles: readonly Role[];
  /** Stations a STAFF member works for. */
  readonly stationIds: readonly string[];
  /** The enterprise an ENTERPRISE user acts for. */
  readonly enterpriseId: string | null;
}

export function hasRole(viewer: Viewer | null, ...roles: readonly Role[]): boolean {
  return viewer?.roles.some((role) => roles.includes(role)) ?? false;
}

/**
 * Roles that see every station's and enterprise's records; STAFF and ENTERPRISE see only their
 * scope.
 */
export const PARK_WIDE_ROLES: readonly Role[] = [Role.ADMIN, Role.OFFICER, Role.OPERATOR, Role.VIEWER];

export function isParkWide(viewer: Viewer): boolean {
  return hasRole(viewer, ...PARK_WIDE_ROLES);
}

