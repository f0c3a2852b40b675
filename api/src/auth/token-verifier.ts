import { Role } from '@yizhan/shared';
import { errors, type JWTPayload, jwtVerify } from 'jose';
import { UnauthenticatedError } from '../errors';
import { RemoteKeySet } from './jwks';
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

/** Verified tokens kept, so that a client's next requests skip the signature check (until the token expires). */
const VERIFIED_TOKENS_KEPT = 10_000;

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
  private readonly keys: RemoteKeySet;
  /** Tokens verified before, with their viewer and expiry, oldest first. */
  private readonly verified = new Map<string, { readonly viewer: Viewer; readonly expiresAt: number }>();

  constructor(private readonly settings: TokenVerifierSettings) {
    this.keys = new RemoteKeySet(new URL(settings.jwksUrl), { timeoutMs: JWKS_TIMEOUT_MS, maxAgeMs: 10 * 60_000, cooldownMs: 30_000 });
  }

  /** Starts fetching the issuer's keys now (a Lambda's start-up), so that the first request need not wait for them. */
  prefetchKeys(): void {
    this.keys.prefetch();
  }

  async verify(token: string): Promise<Viewer> {
    const known = this.verified.get(token);
    if (known && Date.now() < known.expiresAt) return known.viewer;
    return this.verifySignedToken(token);
  }

  private async verifySignedToken(token: string): Promise<Viewer> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys.getKey, { issuer: this.settings.issuer, clockTolerance: 5 }));
    } catch (error) {
      if (isKeySetFailure(error)) throw new SigningKeysUnavailableError(`The issuer's keys could not be loaded from ${this.settings.jwksUrl}`, { cause: error });
      throw new UnauthenticatedError('The access token is invalid or has expired. Sign in again.');
    }
    const isAccessToken = stringClaim(payload, Claim.tokenUse) === 'access';
    if (!isAccessToken || stringClaim(payload, Claim.clientId) !== this.settings.audience || !payload.sub) {
      throw new UnauthenticatedError('The access token was not issued for this API.');
    }
    const viewer = viewerFromClaims(payload);
    if (typeof payload.exp === 'number') this.remember(token, viewer, payload.exp * 1000);
    return viewer;
  }

  private remember(token: string, viewer: Viewer, expiresAt: number): void {
    if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, { viewer, expiresAt });
  }

  /** Reads `Authorization: Bearer …`; no header means an anonymous caller. */
  async viewerFromHeader(authorization: string | undefined): Promise<Viewer | null> {
    if (!authorization) return null;
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    if (!match) throw new UnauthenticatedError('Send the token as "Authorization: Bearer <token>".');
    return this.verify(match[1]!);
  }
}
