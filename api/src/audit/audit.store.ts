import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecondaryIndex } from '@yizhan/shared';
import { ALL_EVENTS_PARTITION, type AuditEventRecord, auditPartition } from '../store/audit-log';
import { countMatching, type ListPlan, type Position, type RecordPage, recordPage, type Total } from '../store/list';

/** Reads the audit journal; events are written by the entity stores, in each write's transaction. */
export class AuditStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Events newest first: of one entity, or of every entity when `entityId` is absent. */
  page(entityId: string | undefined, first: number, start: Position | undefined): Promise<RecordPage<AuditEventRecord>> {
    return recordPage<AuditEventRecord>(this.client, this.tableName, this.planFor(entityId), first, start);
  }

  /**
   * Counted by a bounded counting Query: exact for one record's history (small); the whole
   * journal's total, which only an administrator asks for, is a lower bound once it passes the
   * budget (a global counter would make every write in the park contend on one item).
   */
  count(entityId: string | undefined): Promise<Total> {
    return countMatching(this.client, this.tableName, this.planFor(entityId));
  }

  private planFor(entityId: string | undefined): ListPlan {
    return entityId
      ? { partition: auditPartition(entityId), ascending: false }
      : { index: SecondaryIndex.CollectionA, partition: ALL_EVENTS_PARTITION, ascending: false };
  }
}
