import { Role } from '@yizhan/shared';
import type { AuthCheckerFn } from 'type-graphql';
import type { Context } from '../context';
import { ForbiddenError, UnauthenticatedError } from '../errors';

/**
 * Access declarations for `@Authorized(...)`. Every query and mutation carries one (a test
 * walks the schema to keep it so): `Access.PUBLIC` for anonymous callers too,
 * `Access.SIGNED_IN` for any role, or a list of roles.
 */
export const Access = {
  PUBLIC: 'PUBLIC',
  SIGNED_IN: 'SIGNED_IN',
} as const;

export type AccessRule = Role | (typeof Access)[keyof typeof Access];

/** Every role, for operations any signed-in user may call. */
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** The one authorisation check type-graphql runs for declared operations and fields. */
export const authChecker: AuthCheckerFn<Context, AccessRule> = ({ context }, rules) => {
  if (rules.includes(Access.PUBLIC)) return true;
  const viewer = context.viewer;
  if (!viewer) throw new UnauthenticatedError();
  if (rules.length === 0 || rules.includes(Access.SIGNED_IN)) return true;
  if (viewer.roles.some((role) => rules.includes(role))) return true;
  throw new ForbiddenError();
};
