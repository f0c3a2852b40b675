import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createLocalJWKSet, errors, type FlattenedJWSInput, type JSONWebKeySet, type JWSHeaderParameters } from 'jose';

export interface KeySetSettings {
  /** Longest wait for the issuer's answer. */
  readonly timeoutMs: number;
  /** How long fetched keys are used before they are fetched again. */
  readonly maxAgeMs: number;
  /** Least time between fetches made because a token named a key the set lacks (a rotation, or a forgery). */
  readonly cooldownMs: number;
}

/**
 * GET of a JSON document over `node:http(s)`. Not `fetch`: Node.js loads its fetch
 * implementation on first use, ~30 ms of a Lambda cold start, for this one request.
 */
function getJson(url: URL, timeoutMs: number): Promise<unknown> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: 'GET', headers: { accept: 'application/json, application/jwk-set+json' }, timeout: timeoutMs }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new errors.JOSEError(`The key set answered HTTP ${response.statusCode}`));
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (cause) {
          reject(new errors.JOSEError('The key set is not JSON', { cause }));
        }
      });
    });
    outgoing.on('timeout', () => outgoing.destroy(new errors.JWKSTimeout()));
    outgoing.on('error', reject);
    outgoing.end();
  });
}

/**
 * An issuer's signing keys (JWKS), fetched at start-up and kept for `maxAgeMs`; a token whose
 * key is missing makes it fetch again, at most once per `cooldownMs` (so forged key ids cannot
 * make it hammer the issuer). One fetch at a time.
 */
export class RemoteKeySet {
  private local: ReturnType<typeof createLocalJWKSet> | undefined;
  private fetchedAt = 0;
  private missedAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly url: URL,
    private readonly settings: KeySetSettings,
  ) {}

  /** Starts fetching now, so that the first request need not wait; a failure is retried by the first request. */
  prefetch(): void {
    this.reload().catch(() => undefined);
  }

  /** The key a token's header names, for jose's `jwtVerify`. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput) => {
    if (!this.local || Date.now() - this.fetchedAt > this.settings.maxAgeMs) await this.reload();
    try {
      return await this.local!(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || Date.now() - this.missedAt < this.settings.cooldownMs) throw error;
      this.missedAt = Date.now();
      await this.reload();
      return this.local!(header, token);
    }
  };

  private reload(): Promise<void> {
    this.pending ??= getJson(this.url, this.settings.timeoutMs)
      .then((jwks) => {
        this.local = createLocalJWKSet(jwks as JSONWebKeySet);
        this.fetchedAt = Date.now();
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
