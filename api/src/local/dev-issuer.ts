import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Role } from '@yizhan/shared';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { Claim } from '../auth/token-verifier';

const ALGORITHM = 'ES256';

type SigningKey = Awaited<ReturnType<typeof importJWK>>;

export interface TokenSubject {
  readonly id: string;
  readonly username: string;
  readonly roles: readonly Role[];
  readonly stationIds: readonly string[];
  readonly enterpriseId: string | null;
}

/**
 * The local stand-in for the Cognito user pool: signs access tokens with Cognito's claim names
 * and publishes its JWKS, so the API verifies them by the same code path as in AWS. With a key
 * file the key survives restarts, and so do the console's sessions.
 */
export class DevIssuer {
  private constructor(
    readonly issuer: string,
    readonly audience: string,
    private readonly privateKey: SigningKey,
    private readonly publicJwk: JWK,
  ) {}

  static async create(issuer: string, audience: string, keyFile?: string): Promise<DevIssuer> {
    let privateJwk: JWK;
    if (keyFile && existsSync(keyFile)) {
      privateJwk = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
      privateJwk = { ...(await exportJWK(privateKey)), alg: ALGORITHM, kid: `dev-${Date.now().toString(36)}` };
      if (keyFile) {
        mkdirSync(dirname(keyFile), { recursive: true });
        writeFileSync(keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
      }
    }
    const { d: _private, ...publicJwk } = privateJwk;
    const privateKey = await importJWK(privateJwk, ALGORITHM);
    return new DevIssuer(issuer, audience, privateKey, { ...publicJwk, use: 'sig', alg: ALGORITHM });
  }

  jwks(): { keys: JWK[] } {
    return { keys: [this.publicJwk] };
  }

  async sign(subject: TokenSubject, expiresInSeconds: number): Promise<string> {
    return new SignJWT({
      [Claim.tokenUse]: 'access',
      [Claim.clientId]: this.audience,
      [Claim.username]: subject.username,
      [Claim.groups]: [...subject.roles],
      [Claim.stationIds]: subject.stationIds.join(','),
      ...(subject.enterpriseId ? { [Claim.enterpriseId]: subject.enterpriseId } : {}),
    })
      .setProtectedHeader({ alg: ALGORITHM, kid: this.publicJwk.kid ?? 'dev' })
      .setIssuer(this.issuer)
      .setSubject(subject.id)
      .setIssuedAt()
      .setExpirationTime(`${expiresInSeconds}s`)
      .sign(this.privateKey);
  }
}
