import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ItemKind, type RecordMeta, shanghaiDay, TableKey } from '@yizhan/shared';
import { type IdempotencyClaim, RecordStore, type WriteContext } from './entity-store';
import type { WriteTransaction } from './transaction';

/** Raised inside a transaction when another create took the next number first. */
class NumberTaken extends Error {
  constructor() {
    super('number taken');
  }
}

/** How often a create retries when parallel creates take the number it read. */
const NUMBERING_ATTEMPTS = 25;
const SEQUENCE_ATTRIBUTE = 'value';

/** How a numbered entity names its records: a prefix, and the instant whose year (in Shanghai) counts. */
export interface Numbering<R> {
  /** e.g. `FW` for `FW2026-000123`. */
  readonly prefix: string;
  readonly countedFrom: (record: R) => string;
}

/**
 * Records with a human-readable number per year, `<prefix><year>-<6 digits>`, gap-free: a
 * sequence item (`Sequence#<Entity>#<year>`) advances in the create's own transaction on
 * condition that it still holds the number read, so a failed create leaves no gap and parallel
 * creates never share a number (the loser retries with the next one).
 */
export class NumberedRecordStore<R extends RecordMeta & { readonly number: string }> extends RecordStore<R> {
  protected numbering!: Numbering<R>;

  override async create(record: R, context: WriteContext, claim?: IdempotencyClaim): Promise<R> {
    const year = shanghaiDay(this.numbering.countedFrom(record)).slice(0, 4);
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.sequence(year);
      const numbered = { ...record, number: this.numberOf(year, current + 1) };
      try {
        return await this.commitCreate(numbered, context, claim, (transaction) => {
          this.advanceSequence(transaction, year, current);
          this.addCreateItems(transaction, numbered);
        });
      } catch (error) {
        if (!(error instanceof NumberTaken) || attempt >= NUMBERING_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)));
      }
    }
  }

  /**
   * Takes `count` numbers of a year at once for a bulk load and answers the first: the sequence
   * advances by `count` on condition that nobody took a number meanwhile (else it reads again).
   */
  async reserveNumbers(year: string, count: number): Promise<number> {
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.sequence(year);
      try {
        await this.client.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: this.sequenceKey(year),
            UpdateExpression: 'SET #value = :next',
            ConditionExpression: current === 0 ? 'attribute_not_exists(#value)' : '#value = :current',
            ExpressionAttributeNames: { '#value': SEQUENCE_ATTRIBUTE },
            ExpressionAttributeValues: current === 0 ? { ':next': count } : { ':next': current + count, ':current': current },
          }),
        );
        return current + 1;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= NUMBERING_ATTEMPTS) throw error;
      }
    }
  }

  /** The number of the `ordinal`-th record of a year, e.g. `FW2023-000042`. */
  numberOf(year: string, ordinal: number): string {
    return `${this.numbering.prefix}${year}-${String(ordinal).padStart(6, '0')}`;
  }

  /** Items of the subclass's own that a create writes with the record. */
  protected addCreateItems(_transaction: WriteTransaction, _record: R): void {}

  private sequenceKey(year: string): Record<string, string> {
    return { [TableKey.partitionKey]: `${ItemKind.Sequence}#${this.entityType}#${year}`, [TableKey.sortKey]: ItemKind.Sequence };
  }

  private async sequence(year: string): Promise<number> {
    const output = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.sequenceKey(year), ConsistentRead: true }));
    const value = output.Item?.[SEQUENCE_ATTRIBUTE];
    return typeof value === 'number' ? value : 0;
  }

  private advanceSequence(transaction: WriteTransaction, year: string, current: number): void {
    transaction.update(this.sequenceKey(year), 'SET #value = :next', {
      condition: current === 0 ? 'attribute_not_exists(#value)' : '#value = :current',
      names: { '#value': SEQUENCE_ATTRIBUTE },
      values: current === 0 ? { ':next': 1 } : { ':next': current + 1, ':current': current },
      onConditionFailed: () => new NumberTaken(),
    });
  }
}
