import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { LOCAL_TABLE_NAME } from '@yizhan/shared';
import { type Backend, createBackend } from '../backend';
import { readConfig } from '../config';
import { type DynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';

/**
 * Runs a maintenance command (`npm run sweep`, `npm run aggregates:rebuild`) against the local
 * table: the DynamoDB at DYNAMODB_ENDPOINT (e.g. the one `npm start` prints), or else the data
 * `npm start` keeps under .data/ (with `npm start` stopped: one DynamoDB Local at a time owns
 * those files). Prints what the task answers as JSON; a failure, or an answer with `failed: true`, sets the exit code. This entry
 * point reads process.env and hands the settings on.
 */
export async function runMaintenance(name: string, task: (backend: Backend) => Promise<object>): Promise<void> {
  const environment = process.env;
  environment.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let database: DynamoDbLocal | undefined;
  let endpoint = environment.DYNAMODB_ENDPOINT;
  try {
    if (!endpoint) {
      database = await startDynamoDbLocal({ dataDirectory: resolve(environment.YIZHAN_DATA_DIR ?? '.data', 'dynamodb') });
      endpoint = database.endpoint;
    }
    const backend = createBackend(
      readConfig({
        APP_ENV: 'development',
        LOG_LEVEL: 'WARN',
        ...environment,
        TABLE_NAME: environment.TABLE_NAME ?? LOCAL_TABLE_NAME,
        DYNAMODB_ENDPOINT: endpoint,
        // Maintenance signs in nobody and lists nothing for a client: these only complete the configuration.
        AUTH_ISSUER: 'http://localhost',
        AUTH_AUDIENCE: 'yizhan-local',
        CURSOR_SECRET: randomBytes(32).toString('base64url'),
      }),
    );
    try {
      const result = await task(backend);
      console.log(JSON.stringify(result));
      if ('failed' in result && result.failed === true) process.exitCode = 1;
    } finally {
      backend.client.destroy();
    }
  } catch (error) {
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  } finally {
    await database?.stop();
  }
}
