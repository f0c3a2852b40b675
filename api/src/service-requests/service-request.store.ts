import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ItemKind, TableKey } from '@yizhan/shared';
import type { IdempotencyClaim, WriteContext } from '../store/entity-store';
import { RecordStore } from '../store/entity-store';
import type { WriteTransaction } from '../store/transaction';
import type { ServiceRequestRecord } from './service-request.model';

/** The latest request of one requester (phone or enterprise) and category: where repeats are found. */
export interface RepeatCandidate {
  readonly requestId: string;
  readonly receivedAt: string;
}

/** Raised inside a transaction when another create took the next number first. */
class NumberTaken extends Error {
  constructor() {
    super('number taken');
  }
}

/** How often a create retries when parallel creates take the number it read. */
const NUMBERING_ATTEMPTS = 25;
const SEQUENCE_ATTRIBUTE = 'value';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** `FW2026-000123`: the year of receipt in Shanghai and the request's place in it. */
function formatNumber(year: string, sequence: number): string {
  return `FW${year}-${String(sequence).padStart(6, '0')}`;
}

function yearOf(receivedAt: string): string {
  return new Date(Date.parse(receivedAt) + SHANGHAI_OFFSET_MS).toISOString().slice(0, 4);
}

/** A phone number stands in keys only as a digest: keys show in metrics and consoles, phones must not. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/**
 * Service requests: the generic record layout, plus a gap-free number per year of receipt (a
 * sequence item advanced in the create's own transaction, so a failed create leaves no gap and
 * parallel creates never share a number), and lookup pointers to the latest request of each
 * requester phone and enterprise per category, from which repeats are found without a scan.
 */
export class ServiceRequestStore extends RecordStore<ServiceRequestRecord> {
  override async create(record: ServiceRequestRecord, context: WriteContext, claim?: IdempotencyClaim): Promise<ServiceRequestRecord> {
    const year = yearOf(record.receivedAt ?? context.at);
    for (let attempt = 1; ; attempt += 1) {
      const current = await this.sequence(year);
      const numbered = { ...record, number: formatNumber(year, current + 1) };
      try {
        return await this.commitCreate(numbered, context, claim, (transaction) => {
          this.advanceSequence(transaction, year, current);
          for (const key of repeatKeys(numbered)) {
            transaction.put({ ...lookupKey(key), requestId: numbered.id, receivedAt: numbered.receivedAt });
          }
        });
      } catch (error) {
        if (!(error instanceof NumberTaken) || attempt >= NUMBERING_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(200, 10 * 2 ** attempt)));
      }
    }
  }

  /** The latest earlier requests of the same requester phone or enterprise in the same category. */
  async repeatCandidates(record: Pick<ServiceRequestRecord, 'requester' | 'enterpriseId' | 'category'>): Promise<RepeatCandidate[]> {
    const keys = repeatKeys(record);
    const items = await Promise.all(
      keys.map((key) => this.client.send(new GetCommand({ TableName: this.tableName, Key: lookupKey(key), ConsistentRead: true }))),
    );
    return items.flatMap(({ Item: item }) =>
      item && typeof item.requestId === 'string' && typeof item.receivedAt === 'string' ? [{ requestId: item.requestId, receivedAt: item.receivedAt }] : [],
    );
  }

  private async sequence(year: string): Promise<number> {
    const output = await this.client.send(new GetCommand({ TableName: this.tableName, Key: sequenceKey(year), ConsistentRead: true }));
    const value = output.Item?.[SEQUENCE_ATTRIBUTE];
    return typeof value === 'number' ? value : 0;
  }

  private advanceSequence(transaction: WriteTransaction, year: string, current: number): void {
    transaction.update(sequenceKey(year), 'SET #value = :next', {
      condition: current === 0 ? 'attribute_not_exists(#value)' : '#value = :current',
      names: { '#value': SEQUENCE_ATTRIBUTE },
      values: current === 0 ? { ':next': 1 } : { ':next': current + 1, ':current': current },
      onConditionFailed: () => new NumberTaken(),
    });
  }
}

function sequenceKey(year: string): Record<string, string> {
  return { [TableKey.partitionKey]: `${ItemKind.Sequence}#ServiceRequest#${year}`, [TableKey.sortKey]: ItemKind.Sequence };
}

function lookupKey(key: string): Record<string, string> {
  return { [TableKey.partitionKey]: `${ItemKind.Lookup}#ServiceRequest#${key}`, [TableKey.sortKey]: ItemKind.Lookup };
}

/** The lookup keys of a request: its requester's phone and its enterprise, each with its category. */
function repeatKeys(record: Pick<ServiceRequestRecord, 'requester' | 'enterpriseId' | 'category'>): string[] {
  return [
    ...(record.requester.phone ? [`phone=${digest(record.requester.phone)}|category=${record.category}`] : []),
    ...(record.enterpriseId ? [`enterprise=${record.enterpriseId}|category=${record.category}`] : []),
  ];
}
