import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';

/** Longest a cold start waits for Secrets Manager, per attempt; the function's timeout is longer. */
const SECRET_REQUEST_TIMEOUT_MS = 2_000;
const SECRET_MAX_ATTEMPTS = 3;

/**
 * Reads a secret's current string value from AWS Secrets Manager, once, at start-up. Bounded like
 * every DynamoDB call: a Secrets Manager that does not answer fails the cold start within a few
 * seconds instead of hanging until the function's timeout.
 */
export async function readSecretString(secretArn: string, region: string): Promise<string> {
  const client = new SecretsManagerClient({
    region,
    maxAttempts: SECRET_MAX_ATTEMPTS,
    requestHandler: { connectionTimeout: SECRET_REQUEST_TIMEOUT_MS, requestTimeout: SECRET_REQUEST_TIMEOUT_MS, throwOnRequestTimeout: true },
  });
  try {
    const { SecretString: value } = await client.send(new GetSecretValueCommand({ SecretId: secretArn }));
    if (!value) throw new Error(`Secret ${secretArn} has no string value`);
    return value;
  } finally {
    client.destroy();
  }
}
