import { SignInStepRequired, tokenBasedMethods, type YizhanAuthProvider } from './session';

/** The part of a Cognito session the console reads. */
interface CognitoSessionPort {
  isValid(): boolean;
  getAccessToken(): { getJwtToken(): string };
}

interface SignInCallbacks {
  onSuccess: (session: CognitoSessionPort) => void;
  onFailure: (error: unknown) => void;
  newPasswordRequired?: (userAttributes: unknown, requiredAttributes: unknown) => void;
  totpRequired?: (challengeName: unknown, challengeParameters: unknown) => void;
  mfaSetup?: (challengeName: unknown, challengeParameters: unknown) => void;
}

/** The methods of `amazon-cognito-identity-js`'s CognitoUser the console calls (SRP sign-in, challenges, refresh). */
export interface CognitoUserPort {
  authenticateUser(username: string, password: string, callbacks: SignInCallbacks): void;
  completeNewPasswordChallenge(newPassword: string, requiredAttributes: Record<string, string>, callbacks: SignInCallbacks): void;
  sendMFACode(code: string, callbacks: Pick<SignInCallbacks, 'onSuccess' | 'onFailure'>, mfaType: 'SOFTWARE_TOKEN_MFA'): void;
  associateSoftwareToken(callbacks: { associateSecretCode: (secret: string) => void; onFailure: (error: unknown) => void }): void;
  verifySoftwareToken(code: string, deviceName: string, callbacks: Pick<SignInCallbacks, 'onSuccess' | 'onFailure'>): void;
  /** Answers the stored session, refreshing it with the refresh token when the access token has expired. */
  getSession(callback: (error: Error | null, session: CognitoSessionPort | null) => void): void;
  signOut(): void;
}

/** The user pool: the user signed in on this browser, or a user to sign in. */
export interface CognitoPoolPort {
  currentUser(): CognitoUserPort | null;
  user(username: string): CognitoUserPort;
}

/** What the login page sends at each step. */
interface LoginParams {
  readonly username?: string;
  readonly password?: string;
  readonly newPassword?: string;
  readonly code?: string;
}

function messageOf(error: unknown): string {
  const name = (error as { code?: string; name?: string } | null)?.code ?? (error as { name?: string } | null)?.name;
  if (name === 'NotAuthorizedException' || name === 'UserNotFoundException') return 'yizhan.auth.wrong_credentials';
  if (name === 'CodeMismatchException' || name === 'EnableSoftwareTokenMFAException') return 'yizhan.auth.wrong_code';
  if (name === 'InvalidPasswordException') return 'yizhan.auth.weak_password';
  return 'ra.auth.sign_in_error';
}

/**
 * Signs in against a Cognito user pool with SRP, answering the challenges a user meets: a new
 * password on first sign-in, setting up and then entering a TOTP code. Tokens refresh through
 * the SDK's stored refresh token.
 */
export function cognitoAuthProvider(pool: CognitoPoolPort): YizhanAuthProvider {
  /** The user between challenge steps, and what the next `login` call answers. */
  let pending: { user: CognitoUserPort; step: 'NEW_PASSWORD' | 'TOTP' | 'MFA_SETUP' } | undefined;

  const token = () =>
    new Promise<string | undefined>((resolve) => {
      const user = pool.currentUser();
      if (!user) return resolve(undefined);
      user.getSession((error, session) => resolve(!error && session?.isValid() ? session.getAccessToken().getJwtToken() : undefined));
    });

  const signOut = () => pool.currentUser()?.signOut();

  /** Callbacks that settle a step: signed in, refused, or another challenge to answer. */
  const settle = (user: CognitoUserPort, resolve: () => void, reject: (error: unknown) => void): SignInCallbacks => ({
    onSuccess: () => {
      pending = undefined;
      resolve();
    },
    onFailure: (error) => reject(new Error(messageOf(error))),
    newPasswordRequired: () => {
      pending = { user, step: 'NEW_PASSWORD' };
      reject(new SignInStepRequired('NEW_PASSWORD'));
    },
    totpRequired: () => {
      pending = { user, step: 'TOTP' };
      reject(new SignInStepRequired('TOTP'));
    },
    mfaSetup: () => {
      user.associateSoftwareToken({
        associateSecretCode: (secret) => {
          pending = { user, step: 'MFA_SETUP' };
          reject(new SignInStepRequired('MFA_SETUP', secret));
        },
        onFailure: (error) => reject(new Error(messageOf(error))),
      });
    },
  });

  return {
    token,
    ...tokenBasedMethods(token, signOut),
    login(params: LoginParams) {
      return new Promise<void>((resolve, reject) => {
        if (pending?.step === 'NEW_PASSWORD' && params.newPassword) {
          pending.user.completeNewPasswordChallenge(params.newPassword, {}, settle(pending.user, resolve, reject));
        } else if (pending?.step === 'TOTP' && params.code) {
          pending.user.sendMFACode(params.code, settle(pending.user, resolve, reject), 'SOFTWARE_TOKEN_MFA');
        } else if (pending?.step === 'MFA_SETUP' && params.code) {
          pending.user.verifySoftwareToken(params.code, 'Yizhan console', settle(pending.user, resolve, reject));
        } else {
          const user = pool.user(params.username ?? '');
          user.authenticateUser(params.username ?? '', params.password ?? '', settle(user, resolve, reject));
        }
      });
    },
    async logout() {
      pending = undefined;
      signOut();
    },
  };
}
