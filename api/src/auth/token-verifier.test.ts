import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevIssuer } from '../local/dev-issuer';
import { TokenVerifier } from './token-verifier';

const AUDIENCE = 'verifier-test';
const subject = { id: 'user-1', username: 'staff1', roles: ['STAFF' as const], stationIds: ['S1'], enterpriseId: null };

describe('token verification with kept results', () => {
  let issuer: DevIssuer;
  let server: Server;
  let keyRequests = 0;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    issuer = await DevIssuer.create('https://issuer.test', AUDIENCE);
    server = createServer((_request, response) => {
      keyRequests += 1;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(issuer.jwks()));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    verifier = new TokenVerifier({ issuer: issuer.issuer, jwksUrl, audience: AUDIENCE });
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches the keys once, and answers a token seen before with the same viewer', async () => {
    // Prepare
    const token = await issuer.sign(subject, 600);

    // Act
    const first = await verifier.verify(token);
    const again = await verifier.verify(token);

    // Assess
    expect(first).toEqual({ id: 'user-1', username: 'staff1', roles: ['STAFF'], stationIds: ['S1'], enterpriseId: null });
    expect(again).toEqual(first);
    expect(keyRequests).toBe(1);
  });

  it('refuses a token seen before once it has expired: keeping it never extends its life', async () => {
    // Prepare: expired 4 s ago, inside the 5 s clock tolerance, so accepted once.
    const token = await issuer.sign(subject, -4);
    await expect(verifier.verify(token)).resolves.toMatchObject({ id: 'user-1' });

    // Act: past the tolerance.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const later = verifier.verify(token);

    // Assess
    await expect(later).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('refuses a token whose signature was tampered with, though the genuine one is kept', async () => {
    // Prepare
    const token = await issuer.sign(subject, 600);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const tampered = `${header}.${payload}.${signature.slice(0, -4)}${signature.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

    // Act
    const result = verifier.verify(tampered);

    // Assess
    await expect(result).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
