import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../api/src/local/dynamodb-local';

/**
 * One in-memory DynamoDB Local for the whole run, shared by every test file; each file creates
 * its own uniquely named table, so none is created here.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // As in the test workers (vitest.config.ts): Node 20 is this machine's, the notice is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const dynamoDbLocal = await startDynamoDbLocal();
  project.provide('dynamodbEndpoint', dynamoDbLocal.endpoint);
  return () => dynamoDbLocal.stop();
}
