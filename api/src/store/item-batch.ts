import { BatchGetCommand, type BatchGetCommandOutput, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TableKey } from '@yizhan/shared';
import DataLoader from 'dataloader';
import type { ItemKey } from './keys';

/** BatchGetItem's limit of keys per call. */
const BATCH_GET_SIZE = 100;

/** BatchGetItem in chunks of 100 (in parallel), retrying unprocessed keys with back-off. */
async function batchGetItems(client: DynamoDBDocumentClient, tableName: string, keys: readonly ItemKey[]): Promise<Record<string, unknown>[]> {
  const chunks: ItemKey[][] = [];
  for (let offset = 0; offset < keys.length; offset += BATCH_GET_SIZE) chunks.push(keys.slice(offset, offset + BATCH_GET_SIZE));
  const read = async (chunk: ItemKey[]) => {
    const items: Record<string, unknown>[] = [];
    let pending: Record<string, unknown>[] | undefined = chunk;
    for (let attempt = 0; pending && pending.length > 0; attempt += 1) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(500, 20 * 2 ** attempt)));
      const output: BatchGetCommandOutput = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending } } }));
      items.push(...(output.Responses?.[tableName] ?? []));
      pending = output.UnprocessedKeys?.[tableName]?.Keys;
    }
    return items;
  };
  return (await Promise.all(chunks.map(read))).flat();
}

const keyText = (key: ItemKey) => `${key[TableKey.partitionKey]}\u0000${key[TableKey.sortKey]}`;

/**
 * One request's reads of single items, whatever their type: every lookup made in the same tick
 * (a page's enterprises and stations, its total's counters) goes out in one BatchGetItem per 100
 * keys, and an item read twice is read once. Lives as long as its request.
 */
export class ItemBatch {
  private readonly loader: DataLoader<ItemKey, Record<string, unknown> | undefined, string>;

  constructor(client: DynamoDBDocumentClient, tableName: string) {
    this.loader = new DataLoader(
      async (keys) => {
        const found = new Map((await batchGetItems(client, tableName, [...new Map(keys.map((key) => [keyText(key), key])).values()])).map((item) => [keyText(item as ItemKey), item]));
        return keys.map((key) => found.get(keyText(key)));
      },
      { cacheKeyFn: keyText },
    );
  }

  load(key: ItemKey): Promise<Record<string, unknown> | undefined> {
    return this.loader.load(key);
  }
}
