import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../../api/src/store/dynamodb';

/**
 * The cold-start baseline: a Lambda handler that makes the one DynamoDB call the API makes for
 * the measured query (`BENCH_QUERY_INPUT`), with the same client settings, and answers its items
 * as JSON. No GraphQL, no token check, no configuration beyond that.
 */
const client = createDocumentClient({
  region: process.env.AWS_REGION ?? 'cn-north-1',
  endpoint: process.env.DYNAMODB_ENDPOINT,
  timeouts: { connectionMs: 1000, requestMs: 1500, maxAttempts: 3 },
});
const input = JSON.parse(process.env.BENCH_QUERY_INPUT ?? '{}') as ConstructorParameters<typeof QueryCommand>[0];

export async function handler(): Promise<{ statusCode: number; body: string }> {
  const output = await client.send(new QueryCommand(input));
  return { statusCode: 200, body: JSON.stringify({ data: { items: output.Items } }) };
}
