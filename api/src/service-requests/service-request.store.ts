import { createHash } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { ItemKind, serviceRequestEntity, TableKey } from '@yizhan/shared';
import { EntityLayout } from '../store/entity-layout';
import { NumberedRecordStore } from '../store/numbered-store';
import type { WriteTransaction } from '../store/transaction';
import type { ServiceRequestRecord } from './service-request.model';

/** The latest request of one requester (phone or enterprise) and category: where repeats are found. */
export interface RepeatCandidate {
  readonly requestId: string;
  readonly receivedAt: string;
}

/** A phone number stands in keys only as a digest: keys show in metrics and consoles, phones must not. */
function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/**
 * Service requests: numbered per year of receipt (`FW2026-000123`), with lookup pointers to the
 * latest request of each requester phone and enterprise per category, from which repeats are
 * found without a scan.
 */
export class ServiceRequestStore extends NumberedRecordStore<ServiceRequestRecord> {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(client, tableName, new EntityLayout(serviceRequestEntity));
    this.numbering = { prefix: 'FW', countedFrom: (request) => request.receivedAt ?? request.createdAt };
  }

  /** The latest earlier requests of the same requester phone or enterprise in the same category. */
  async repeatCandidates(record: Pick<ServiceRequestRecord, 'requester' | 'enterpriseId' | 'category'>): Promise<RepeatCandidate[]> {
    const items = await Promise.all(
      repeatKeys(record).map((key) => this.client.send(new GetCommand({ TableName: this.tableName, Key: lookupKey(key), ConsistentRead: true }))),
    );
    return items.flatMap(({ Item: item }) =>
      item && typeof item.requestId === 'string' && typeof item.receivedAt === 'string' ? [{ requestId: item.requestId, receivedAt: item.receivedAt }] : [],
    );
  }

  protected override addCreateItems(transaction: WriteTransaction, request: ServiceRequestRecord): void {
    for (const key of repeatKeys(request)) {
      transaction.put({ ...lookupKey(key), requestId: request.id, receivedAt: request.receivedAt });
    }
  }
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
