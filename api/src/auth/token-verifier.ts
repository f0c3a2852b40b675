import { Role } from '@yizhan/shared';
import { createRemoteJWKSet, errors, type JWTPayload, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../errors';
import type { Viewer } from './viewer';

export interface TokenVerifierSettings {
  readonly issuer: string;
  readonly jwksUrl: string;
  readonly audience: string;
}

/** Claims we read; Cognito's names, which the local issuer uses too. */
export const Claim = {
  groups: 'cognito:groups',
  username: 'username',
  stationIds: 'custom:stationIds',
  enterpriseId: 'custom:enterpriseId',
  clientId: 'client_id',
  tokenUse: 'token_use',
} as const;

const knownRoles = new Set<string>(Object.values(Role));

function stringClaim(payload: JWTPayload, name: string): string | undefined {
  const value = payload[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** Maps verified claims to a viewer. Unknown groups are ignored; a token with no role has none. */
function viewerFromClaims(payload: JWTPayload): Viewer {
  const groups = payload[Claim.groups];
  const roles = (Array.isArray(groups) ? groups : []).filter((group): group is Role => typeof group === 'string' && knownRoles.has(group));
  const stationIds = (stringClaim(payload, Claim.stationIds) ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  return {
    id: payload.sub ?? '',
    username: stringClaim(payload, Claim.username) ?? stringClaim(payload, 'cognito:username') ?? payload.sub ?? '',
    roles,
    stationIds,
    enterpriseId: stringClaim(payload, Claim.enterpriseId) ?? null,
  };
}

/** How long a token waits for the issuer's keys when they are not cached yet. */
const JWKS_TIMEOUT_MS = 3_000;

/**
 * The issuer's keys could not be fetched (unreachable, too slow, or not a key set): no token can
 * be checked, through no fault of the caller's, so this is not UNAUTHENTICATED.
 */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
}

/** Whether jose failed on fetching the key set rather than on the token. */
function isKeySetFailure(error: unknown): boolean {
  if (!(error instanceof errors.JOSEError)) return true; // fetch itself failed: refused, reset, DNS
  return error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid || error.code === 'ERR_JOSE_GENERIC';
}

/**
 * Verifies bearer access tokens against an issuer's JWKS: the same code for the Cognito user
 * pool in AWS and for the local dev issuer. Only access tokens (`token_use: access`) whose
 * `client_id` is the configured audience are accepted: an ID token is not a credential for the
 * API.
 */
export class TokenVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;

  constructor(private readonly settings: TokenVerifierSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 10 * 60_000, timeoutDuration: JWKS_TIMEOUT_MS });
  }

  async verify(token: string): Promise<Viewer> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, { issuer: this.settings.issuer, clockTolerance: 5 }));
    } catch (error) {
      if (isKeySetFailure(error)) throw new SigningKeysUnavailableError(`The issuer's keys could not be loaded from ${this.settings.jwksUrl}`, { cause: error });
      throw new UnauthenticatedError('The access token is invalid or has expired. Sign in again.');
    }
    const isAccessToken = stringClaim(payload, Claim.tokenUse) === 'access';
    if (!isAccessToken || stringClaim(payload, Claim.clientId) !== this.settings.audience || !payload.sub) {
      throw new UnauthenticatedError('The access token was not issued for this API.');
    }
    return viewerFromClaims(payload);
  }

  /** Reads `Authorization: Bearer …`; no header means an anonymous caller. */
  async viewerFromHeader(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('Send the token as "Authorization: Bearer <token>".');
    return this.verify(match[1]!);
  }
}
