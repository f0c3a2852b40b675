import type { CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  ConditionalCheckFailedException,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
  waitUntilTableNotExists,
} from '@aws-sdk/client-dynamodb';
import { ItemKind, SecondaryIndex, secondaryIndexes, stationEntity, TABLE_LAYOUT_VERSION, TableKey } from '@yizhan/shared';

/** Waiter settings for a local table: status changes there take milliseconds, not minutes. */
const waiterSettings = { minDelay: 1, maxDelay: 2, maxWaitTime: 60 } as const;

/**
 * Creates the application table (keys and every secondary index from `shared/`, on-demand
 * billing, TTL on `TableKey.timeToLive`) unless it exists, and returns once it is ACTIVE with TTL
 * enabled. For the local stack and tests; in AWS the CDK stack owns the table.
 *
 * @returns `'exists'` also when another caller created it concurrently.
 * @throws when an existing table lacks one of the secondary indexes, e.g. a local database
 *   kept from an older version of the key design.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'exists'> {
  let outcome: 'created' | 'exists';
  try {
    await client.send(new CreateTableCommand(tableDefinition(tableName)));
    outcome = 'created';
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    outcome = 'exists';
  }
  await waitUntilTableExists({ client, ...waiterSettings }, { TableName: tableName });
  if (outcome === 'exists') await assertHasEverySecondaryIndex(client, tableName);
  await ensureLayoutVersion(client, tableName, outcome);
  await ensureTimeToLive(client, tableName);
  return outcome;
}

const layoutKey = { [TableKey.partitionKey]: { S: ItemKind.Meta }, [TableKey.sortKey]: { S: 'Layout' } };

/**
 * Marks a new table with the item layout it is written in, and refuses a table written in
 * another one (a local database kept from an older version): its sort keys and counters would
 * be read wrongly.
 */
async function ensureLayoutVersion(client: DynamoDBClient, tableName: string, outcome: 'created' | 'exists'): Promise<void> {
  const { Item: item } = await client.send(new GetItemCommand({ TableName: tableName, Key: layoutKey, ConsistentRead: true }));
  const version = item?.version?.N === undefined ? undefined : Number(item.version.N);
  if (version === TABLE_LAYOUT_VERSION) return;
  // Every table in use has stations (enterprises need one), so one without is new and unwritten.
  const stations = SecondaryIndex.CollectionA;
  const empty =
    outcome === 'created' ||
    (
      await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: stations.indexName,
          KeyConditionExpression: '#pk = :station',
          ExpressionAttributeNames: { '#pk': stations.partitionKey },
          ExpressionAttributeValues: { ':station': { S: stationEntity.name } },
          Limit: 1,
        }),
      )
    ).Count === 0;
  if (version === undefined && empty) {
    await client.send(
      new PutItemCommand({ TableName: tableName, Item: { ...layoutKey, version: { N: String(TABLE_LAYOUT_VERSION) } }, ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': TableKey.partitionKey } }),
    ).catch((error: unknown) => {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    });
    return;
  }
  throw new Error(
    `Table ${tableName} was written by an older version of Yizhan (item layout ${version ?? 1}, this version reads ${TABLE_LAYOUT_VERSION}). ` +
      'Delete the local data directory (.data/) or use another TABLE_NAME, and start again: the demo data is seeded anew.',
  );
}

/** Deletes the table and waits until it is gone; a missing table is not an error. */
export async function deleteTableIfExists(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await waitUntilTableNotExists({ client, ...waiterSettings }, { TableName: tableName });
}

function tableDefinition(tableName: string): CreateTableCommandInput {
  const keyAttributes = new Set<string>([
    TableKey.partitionKey,
    TableKey.sortKey,
    ...secondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ]);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...keyAttributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TableKey.partitionKey, KeyType: 'HASH' },
      { AttributeName: TableKey.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: secondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

async function assertHasEverySecondaryIndex(client: DynamoDBClient, tableName: string): Promise<void> {
  const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = secondaryIndexes.map((index) => index.indexName).filter((name) => !present.has(name));
  if (missing.length > 0) {
    throw new Error(
      `Table ${tableName} exists but lacks the secondary indexes ${missing.join(', ')}; ` +
        'it was probably created by an older version. Delete it (or the local data directory) and start again.',
    );
  }
}

async function ensureTimeToLive(client: DynamoDBClient, tableName: string): Promise<void> {
  if (await hasTimeToLive(client, tableName)) return;
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: TableKey.timeToLive, Enabled: true },
      }),
    );
  } catch (error) {
    // A concurrent caller may have enabled it between our check and our update, which DynamoDB
    // refuses as "already enabled"; anything else is a real failure.
    if (!(await hasTimeToLive(client, tableName))) throw error;
  }
}

async function hasTimeToLive(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const { TimeToLiveDescription: description } = await client.send(
    new DescribeTimeToLiveCommand({ TableName: tableName }),
  );
  const status = description?.TimeToLiveStatus;
  if (status !== 'ENABLED' && status !== 'ENABLING') return false;
  if (description?.AttributeName !== TableKey.timeToLive) {
    throw new Error(
      `Table ${tableName} expires items on "${description?.AttributeName}", not on "${TableKey.timeToLive}"`,
    );
  }
  return true;
}
