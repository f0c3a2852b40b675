import { AuthenticationDetails, CognitoUser, CognitoUserPool } from 'amazon-cognito-identity-js';
import type { CognitoPoolPort, CognitoUserPort } from './cognitoAuthProvider';

function port(user: CognitoUser): CognitoUserPort {
  return {
    authenticateUser: (username, password, callbacks) =>
      user.authenticateUser(new AuthenticationDetails({ Username: username, Password: password }), callbacks),
    completeNewPasswordChallenge: (newPassword, attributes, callbacks) => user.completeNewPasswordChallenge(newPassword, attributes, callbacks),
    sendMFACode: (code, callbacks, mfaType) => user.sendMFACode(code, callbacks, mfaType),
    associateSoftwareToken: (callbacks) => user.associateSoftwareToken(callbacks),
    verifySoftwareToken: (code, deviceName, callbacks) => user.verifySoftwareToken(code, deviceName, callbacks),
    getSession: (callback) => user.getSession((error: Error | null, session: CognitoSessionLike | null) => callback(error, session)),
    signOut: () => user.signOut(),
  };
}

type CognitoSessionLike = Parameters<Parameters<CognitoUserPort['getSession']>[0]>[1];

/** The user pool of `config.json`, through amazon-cognito-identity-js (loaded only in Cognito stages). */
export function cognitoPool(userPoolId: string, clientId: string): CognitoPoolPort {
  const pool = new CognitoUserPool({ UserPoolId: userPoolId, ClientId: clientId });
  return {
    currentUser: () => {
      const user = pool.getCurrentUser();
      return user ? port(user) : null;
    },
    user: (username) => port(new CognitoUser({ Username: username, Pool: pool })),
  };
}
