import type { AuthProvider } from 'react-admin';
import { canAccess, type Permissions, permissionsFromToken } from './permissions';

/** The auth provider the console uses, plus the bearer token its data provider sends. */
export interface YizhanAuthProvider extends AuthProvider {
  /** The current access token, refreshed if the issuer can; undefined when signed out. */
  token(): Promise<string | undefined>;
}

/** What signing in needs next, when a password alone was not enough (Cognito challenges). */
export type SignInStep = 'NEW_PASSWORD' | 'TOTP' | 'MFA_SETUP';

/** Thrown by `login` when the user must take another step; the login page asks for it and calls `login` again. */
export class SignInStepRequired extends Error {
  constructor(
    readonly step: SignInStep,
    /** For MFA_SETUP: the secret to add to an authenticator app. */
    readonly secret?: string,
  ) {
    super(`yizhan.auth.step.${step}`);
  }
}

/** The parts of an auth provider that only need a token: identity, permissions, access and error handling. */
export function tokenBasedMethods(token: () => Promise<string | undefined>, signOut: () => void) {
  const permissions = async (): Promise<Permissions> => {
    const current = await token();
    if (!current) throw new Error('ra.auth.auth_check_error');
    return permissionsFromToken(current);
  };
  return {
    async checkAuth() {
      if (!(await token())) throw new Error('ra.auth.auth_check_error');
    },
    async checkError(error: { status?: number }) {
      if (error?.status === 401) {
        signOut();
        throw new Error('ra.notification.logged_out');
      }
    },
    async getIdentity() {
      const { username } = await permissions();
      return { id: username, fullName: username };
    },
    getPermissions: permissions,
    async canAccess(params: { action: string; resource: string; record?: Record<string, unknown> }) {
      const current = await token();
      return current ? canAccess(permissionsFromToken(current), params.action, params.resource, params.record) : false;
    },
  };
}
