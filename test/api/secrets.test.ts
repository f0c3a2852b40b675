import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/src/config';
import { readSecretString } from '../../api/src/secrets';
import { AwsJsonService } from '../support/aws-json-service';

const secretArn = 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:CursorSecret-AbCdEf';
const baseEnvironment = { TABLE_NAME: 'table', AUTH_ISSUER: 'https://issuer.example', AUTH_AUDIENCE: 'client', AWS_REGION: 'cn-north-1' };

describe('the cursor key in AWS', () => {
  let secrets: AwsJsonService;

  beforeAll(async () => {
    secrets = await AwsJsonService.start({
      GetSecretValue: (input) => ({ ARN: input.SecretId, Name: 'CursorSecret', SecretString: 's'.repeat(64), VersionId: 'v1' }),
    });
    // The real SDK client, pointed at the stand-in the way the SDK allows for every service.
    Object.assign(process.env, { AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint, AWS_ACCESS_KEY_ID: 'local', AWS_SECRET_ACCESS_KEY: 'local' });
  });

  afterAll(async () => {
    await secrets.stop();
  });

  it('is read from Secrets Manager once, at start-up, when only its ARN is configured', async () => {
    const before = secrets.calls.length;

    const config = await loadConfig(readSecretString, { ...baseEnvironment, CURSOR_SECRET_ARN: secretArn });

    expect(config.cursorSecret).toBe('s'.repeat(64));
    expect(secrets.calls.slice(before)).toEqual([{ operation: 'GetSecretValue', input: { SecretId: secretArn } }]);
  });

  it('is taken as given when CURSOR_SECRET is set, without asking Secrets Manager', async () => {
    const before = secrets.calls.length;

    const config = await loadConfig(readSecretString, { ...baseEnvironment, CURSOR_SECRET: 'v'.repeat(40), CURSOR_SECRET_ARN: secretArn });

    expect(config.cursorSecret).toBe('v'.repeat(40));
    expect(secrets.calls.length).toBe(before);
  });

  it('must still be 32 characters or more in production', async () => {
    const short = await AwsJsonService.start({ GetSecretValue: () => ({ SecretString: 'too-short' }) });
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = short.endpoint;
    try {
      await expect(loadConfig(readSecretString, { ...baseEnvironment, CURSOR_SECRET_ARN: secretArn })).rejects.toThrow(/CURSOR_SECRET must be at least 32 characters/);
    } finally {
      process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
      await short.stop();
    }
  });

  it('fails the start within seconds when Secrets Manager does not answer', async () => {
    // Prepare: a server that accepts connections and never answers.
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
    const started = performance.now();
    try {
      // Act
      const attempt = readSecretString(secretArn, 'cn-north-1');

      // Assess: three attempts of two seconds, well inside the function's ten.
      await expect(attempt).rejects.toThrow();
      expect(performance.now() - started).toBeLessThan(9_000);
    } finally {
      process.env.AWS_ENDPOINT_URL_SECRETS_MANAGER = secrets.endpoint;
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  }, 20_000);
});
