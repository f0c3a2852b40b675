import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StorageHealth {
  readonly ok: boolean;
  readonly tableStatus: string;
}

/** How long a health check waits for DynamoDB: well under any load balancer's probe timeout. */
const HEALTH_TIMEOUT_MS = 1_000;

/** Whether the table answers, within its own short timeout, and is usable; never throws. */
export async function checkStorage(client: DynamoDBDocumentClient, tableName: string, timeoutMs = HEALTH_TIMEOUT_MS): Promise<StorageHealth> {
  try {
    const output = await client.send(new DescribeTableCommand({ TableName: tableName }), { abortSignal: AbortSignal.timeout(timeoutMs) });
    const tableStatus = output.Table?.TableStatus ?? 'UNKNOWN';
    return { ok: tableStatus === 'ACTIVE' || tableStatus === 'UPDATING', tableStatus };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError');
    return { ok: false, tableStatus: timedOut ? 'TIMEOUT' : error instanceof Error ? error.name : 'UNREACHABLE' };
  }
}
