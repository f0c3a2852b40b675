import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

/** Turns a failed condition on one item into the error the caller should see. */
export type ConditionFailureHandler = () => Error | Promise<Error>;

export interface ConditionalWrite {
  readonly condition?: string;
  readonly names?: Record<string, string>;
  readonly values?: Record<string, unknown>;
  readonly onConditionFailed?: ConditionFailureHandler;
}

/** DynamoDB refuses transactions with more items; every write of ours stays well under it. */
const MAX_TRANSACTION_ITEMS = 100;
const MAX_ATTEMPTS = 12;

/**
 * One TransactWriteItems: a record with its version condition, its uniqueness guards, counters
 * and the audit event succeed or fail together. Conflicts with concurrent transactions are
 * retried with jittered back-off; a failed condition is reported through the item's handler.
 */
export class WriteTransaction {
  private readonly items: TransactItem[] = [];
  private readonly handlers: (ConditionFailureHandler | undefined)[] = [];

  constructor(private readonly tableName: string) {}

  get size(): number {
    return this.items.length;
  }

  put(item: Record<string, unknown>, write: ConditionalWrite = {}): this {
    return this.add(
      {
        Put: {
          TableName: this.tableName,
          Item: item,
          ...this.conditionOf(write),
        },
      },
      write.onConditionFailed,
    );
  }

  update(
    key: Record<string, string>,
    updateExpression: string,
    write: ConditionalWrite & { names?: Record<string, string>; values?: Record<string, unknown> },
  ): this {
    return this.add(
      {
        Update: {
          TableName: this.tableName,
          Key: key,
          UpdateExpression: updateExpression,
          ...this.conditionOf(write),
        },
      },
      write.onConditionFailed,
    );
  }

  delete(key: Record<string, string>, write: ConditionalWrite = {}): this {
    return this.add({ Delete: { TableName: this.tableName, Key: key, ...this.conditionOf(write) } }, write.onConditionFailed);
  }

  check(key: Record<string, string>, write: ConditionalWrite & { condition: string }): this {
    return this.add(
      {
        ConditionCheck: {
          TableName: this.tableName,
          Key: key,
          ConditionExpression: write.condition,
          ...(write.names ? { ExpressionAttributeNames: write.names } : {}),
          ...(write.values ? { ExpressionAttributeValues: write.values } : {}),
        },
      },
      write.onConditionFailed,
    );
  }

  /** The items this transaction puts (for a bulk load, which writes them in batches instead). */
  puts(): Record<string, unknown>[] {
    return this.items.flatMap((item) => (item.Put?.Item ? [item.Put.Item as Record<string, unknown>] : []));
  }

  async commit(client: DynamoDBDocumentClient): Promise<void> {
    if (this.items.length > MAX_TRANSACTION_ITEMS) {
      throw new Error(`Transaction of ${this.items.length} items exceeds DynamoDB's limit`);
    }
    for (let attempt = 1; ; attempt += 1) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: this.items }));
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) {
          if (isTransactionConflict(error) && attempt < MAX_ATTEMPTS) {
            await backOff(attempt);
            continue;
          }
          throw error;
        }
        const reasons = error.CancellationReasons ?? [];
        const failedIndex = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
        if (failedIndex >= 0) {
          const handler = this.handlers[failedIndex];
          if (handler) throw await handler();
          throw error;
        }
        const conflicted = reasons.some((reason) => reason.Code === 'TransactionConflict');
        if (conflicted && attempt < MAX_ATTEMPTS) {
          await backOff(attempt);
          continue;
        }
        throw error;
      }
    }
  }

  private add(item: TransactItem, handler: ConditionFailureHandler | undefined): this {
    this.items.push(item);
    this.handlers.push(handler);
    return this;
  }

  private conditionOf(write: ConditionalWrite): {
    ConditionExpression?: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, unknown>;
  } {
    return {
      ...(write.condition ? { ConditionExpression: write.condition } : {}),
      ...(write.names && Object.keys(write.names).length > 0 ? { ExpressionAttributeNames: write.names } : {}),
      ...(write.values && Object.keys(write.values).length > 0 ? { ExpressionAttributeValues: write.values } : {}),
    };
  }
}

function isTransactionConflict(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  return name === 'TransactionConflictException' || name === 'TransactionInProgressException';
}

function backOff(attempt: number): Promise<void> {
  const ceiling = Math.min(1000, 10 * 2 ** attempt);
  return new Promise((resolve) => setTimeout(resolve, Math.random() * ceiling));
}
