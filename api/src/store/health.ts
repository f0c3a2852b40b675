import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StorageHealth {
  readonly ok: boolean;
  readonly tableStatus: string;
}

/** Whether the table answers and is usable; never throws. */
export async function checkStorage(client: DynamoDBDocumentClient, tableName: string): Promise<StorageHealth> {
  try {
    const output = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const tableStatus = output.Table?.TableStatus ?? 'UNKNOWN';
    return { ok: tableStatus === 'ACTIVE' || tableStatus === 'UPDATING', tableStatus };
  } catch (error) {
    return { ok: false, tableStatus: error instanceof Error ? error.name : 'UNREACHABLE' };
  }
}
