import { tokenBasedMethods, type YizhanAuthProvider } from './session';

const SESSION_KEY = 'yizhan.session';

interface StoredSession {
  readonly accessToken: string;
  /** Milliseconds since the epoch. */
  readonly expiresAt: number;
}

export interface LocalAuthOptions {
  /** The GraphQL endpoint; the dev issuer's login is `/auth/login` on the same server. */
  readonly apiUrl: string;
  /** Where the session is kept: the browser's localStorage, shared by the user's tabs. */
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
}

/**
 * Signs in against the local dev server's issuer (`POST /auth/login` → `{ accessToken, expiresIn }`).
 * There is no refresh: an expired session asks for the password again.
 */
export function localAuthProvider(options: LocalAuthOptions): YizhanAuthProvider {
  const now = options.now ?? Date.now;
  const read = (): StoredSession | undefined => {
    const text = options.storage.getItem(SESSION_KEY);
    if (!text) return undefined;
    const session = JSON.parse(text) as StoredSession;
    return session.expiresAt > now() ? session : undefined;
  };
  const signOut = () => options.storage.removeItem(SESSION_KEY);
  const token = async () => read()?.accessToken;
  return {
    token,
    ...tokenBasedMethods(token, signOut),
    async login(params: { username?: string; password?: string }) {
      let response: Response;
      try {
        response = await (options.fetch ?? fetch)(new URL('/auth/login', options.apiUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: params.username ?? '', password: params.password ?? '' }),
        });
      } catch {
        throw new Error('ra.notification.http_error');
      }
      if (response.status === 401 || response.status === 400) throw new Error('yizhan.auth.wrong_credentials');
      if (!response.ok) throw new Error('ra.auth.sign_in_error');
      const { accessToken, expiresIn } = (await response.json()) as { accessToken: string; expiresIn: number };
      options.storage.setItem(SESSION_KEY, JSON.stringify({ accessToken, expiresAt: now() + expiresIn * 1000 } satisfies StoredSession));
    },
    async logout() {
      signOut();
    },
  };
}
