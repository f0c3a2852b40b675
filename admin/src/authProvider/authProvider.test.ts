import { Role } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { type CognitoPoolPort, type CognitoUserPort, cognitoAuthProvider } from './cognitoAuthProvider';
import { localAuthProvider } from './localAuthProvider';
import { canAccess, permissionsFromToken } from './permissions';
import { SignInStepRequired } from './session';

/** An unsigned token with the claims the dev issuer and Cognito put in access tokens. */
function tokenWith(claims: Record<string, unknown>): string {
  const part = (value: unknown) => btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
  return `${part({ alg: 'none' })}.${part(claims)}.signature`;
}

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), removeItem: (key: string) => void items.delete(key) };
}

const staffToken = tokenWith({ username: 'staff-jr', 'cognito:groups': ['STAFF'], 'custom:stationIds': 'station-jr' });

describe('the local auth provider', () => {
  it('signs in through POST /auth/login, keeps the session until it expires, and reads roles from the token', async () => {
    // Prepare
    let now = 1_000_000;
    const requests: { url: string; body: unknown }[] = [];
    const fetch: typeof globalThis.fetch = async (url, init) => {
      requests.push({ url: String(url), body: JSON.parse(String(init?.body)) });
      return new Response(JSON.stringify({ accessToken: staffToken, expiresIn: 60 }), { status: 200 });
    };
    const provider = localAuthProvider({ apiUrl: 'http://localhost:4000/graphql', storage: memoryStorage(), fetch, now: () => now });

    // Act
    await provider.login({ username: 'staff-jr', password: 'yizhan-dev' });
    const permissions = await provider.getPermissions!({});
    const identity = await provider.getIdentity!();
    now += 61_000;

    // Assess
    expect(requests).toEqual([{ url: 'http://localhost:4000/auth/login', body: { username: 'staff-jr', password: 'yizhan-dev' } }]);
    expect(permissions).toEqual({ username: 'staff-jr', roles: [Role.STAFF], stationIds: ['station-jr'] });
    expect(identity.fullName).toBe('staff-jr');
    await expect(provider.checkAuth({})).rejects.toThrow();
  });

  it('refuses a wrong password with its own message', async () => {
    // Prepare
    const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify({ error: 'invalid_credentials' }), { status: 401 });
    const provider = localAuthProvider({ apiUrl: 'http://localhost:4000/graphql', storage: memoryStorage(), fetch });

    // Act
    const refused = provider.login({ username: 'staff-jr', password: 'wrong' });

    // Assess
    await expect(refused).rejects.toThrow('yizhan.auth.wrong_credentials');
    await expect(provider.checkAuth({})).rejects.toThrow();
  });

  it('ends the session when the API answers 401, and keeps it on 403', async () => {
    // Prepare
    const fetch: typeof globalThis.fetch = async () => new Response(JSON.stringify({ accessToken: staffToken, expiresIn: 60 }), { status: 200 });
    const provider = localAuthProvider({ apiUrl: 'http://localhost:4000/graphql', storage: memoryStorage(), fetch });
    await provider.login({ username: 'staff-jr', password: 'yizhan-dev' });

    // Act
    await provider.checkError({ status: 403 });
    const kept = await provider.token();
    const signedOut = await provider.checkError({ status: 401 }).then(() => 'kept', () => 'signed out');

    // Assess
    expect(kept).toBe(staffToken);
    expect(signedOut).toBe('signed out');
    await expect(provider.token()).resolves.toBeUndefined();
  });
});

describe('permissions', () => {
  it('let a viewer read but not create, edit or run status actions', () => {
    // Prepare
    const viewer = permissionsFromToken(tokenWith({ username: 'viewer', 'cognito:groups': ['VIEWER'] }));

    // Act
    const allowed = ['list', 'show', 'create', 'edit', 'transition', 'import', 'history'].filter((action) => canAccess(viewer, action, 'enterprises'));

    // Assess
    expect(allowed).toEqual(['list', 'show']);
  });

  it('let station staff edit the enterprises of their stations only, and keep the audit log and calendar to administrators', () => {
    // Prepare
    const staff = permissionsFromToken(staffToken);
    const admin = permissionsFromToken(tokenWith({ username: 'admin', 'cognito:groups': ['ADMIN'] }));

    // Act
    const own = canAccess(staff, 'edit', 'enterprises', { stationId: 'station-jr' });
    const other = canAccess(staff, 'edit', 'enterprises', { stationId: 'station-zn' });

    // Assess
    expect(own).toBe(true);
    expect(other).toBe(false);
    expect(canAccess(staff, 'edit', 'stations')).toBe(false);
    expect(canAccess(staff, 'list', 'auditEvents')).toBe(false);
    expect(canAccess(admin, 'list', 'auditEvents')).toBe(true);
    expect(canAccess(admin, 'list', 'calendar')).toBe(true);
  });
});

/** A user pool that answers the way Cognito does for a user who must choose a password and then enter a TOTP code. */
function fakePool(accessToken: string) {
  const calls: string[] = [];
  let signedIn = false;
  let expired = false;
  const session = () => ({ isValid: () => !expired, getAccessToken: () => ({ getJwtToken: () => accessToken }) });
  const user: CognitoUserPort = {
    authenticateUser: (username, password, callbacks) => {
      calls.push(`authenticate ${username}/${password}`);
      if (password !== 'temporary') callbacks.onFailure({ code: 'NotAuthorizedException' });
      else callbacks.newPasswordRequired?.({}, []);
    },
    completeNewPasswordChallenge: (newPassword, _attributes, callbacks) => {
      calls.push(`new password ${newPassword}`);
      callbacks.totpRequired?.('SOFTWARE_TOKEN_MFA', {});
    },
    sendMFACode: (code, callbacks, mfaType) => {
      calls.push(`code ${code} ${mfaType}`);
      if (code !== '123456') return callbacks.onFailure({ code: 'CodeMismatchException' });
      signedIn = true;
      callbacks.onSuccess(session());
    },
    associateSoftwareToken: () => undefined,
    verifySoftwareToken: () => undefined,
    getSession: (callback) => {
      // The SDK refreshes an expired access token with the refresh token inside getSession.
      if (expired) {
        calls.push('refresh');
        expired = false;
      }
      callback(null, session());
    },
    signOut: () => {
      signedIn = false;
    },
  };
  const pool: CognitoPoolPort = { currentUser: () => (signedIn ? user : null), user: () => user };
  return { pool, calls, expire: () => (expired = true) };
}

describe('the Cognito auth provider', () => {
  it('walks through the new-password and TOTP challenges, then serves the refreshed token', async () => {
    // Prepare
    const token = tokenWith({ username: 'officer', 'cognito:groups': ['OFFICER'] });
    const { pool, calls, expire } = fakePool(token);
    const provider = cognitoAuthProvider(pool);

    // Act
    const first = await provider.login({ username: 'officer', password: 'temporary' }).catch((error: unknown) => error);
    const second = await provider.login({ newPassword: 'A-long-new-password-1' }).catch((error: unknown) => error);
    const wrongCode = await provider.login({ code: '000000' }).catch((error: unknown) => error);
    await provider.login({ code: '123456' });
    expire();
    const refreshed = await provider.token();

    // Assess
    expect((first as SignInStepRequired).step).toBe('NEW_PASSWORD');
    expect((second as SignInStepRequired).step).toBe('TOTP');
    expect((wrongCode as Error).message).toBe('yizhan.auth.wrong_code');
    expect(first).toBeInstanceOf(SignInStepRequired);
    expect(refreshed).toBe(token);
    expect(calls).toEqual(['authenticate officer/temporary', 'new password A-long-new-password-1', 'code 000000 SOFTWARE_TOKEN_MFA', 'code 123456 SOFTWARE_TOKEN_MFA', 'refresh']);
    expect(await provider.getPermissions!({})).toEqual({ username: 'officer', roles: [Role.OFFICER], stationIds: [] });
  });

  it('refuses a wrong password with its own message', async () => {
    // Prepare
    const { pool } = fakePool(staffToken);
    const provider = cognitoAuthProvider(pool);

    // Act
    const refused = provider.login({ username: 'officer', password: 'wrong' });

    // Assess
    await expect(refused).rejects.toThrow('yizhan.auth.wrong_credentials');
    await expect(provider.checkAuth({})).rejects.toThrow();
  });
});
