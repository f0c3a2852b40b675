import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ItemKind, SecondaryIndex, TableKey } from '@yizhan/shared';
import type { Position } from '../common/cursor';
import { withoutKeys } from '../store/keys';
import { countMatching, positionOf, queryPage, type ListPlan } from '../store/list';
import type { AuditEventRecord } from './audit.model';

const ALL_EVENTS_PARTITION = ItemKind.Audit;

/**
 * Audit events live under their entity (`Audit#<entityId>`, ordered by time) and in one
 * collection of all events for the administrators' journal.
 */
export function auditEventItem(event: AuditEventRecord): Record<string, unknown> {
  const order = `${event.at}#${event.id}`;
  return {
    [TableKey.partitionKey]: `${ItemKind.Audit}#${event.entityId}`,
    [TableKey.sortKey]: order,
    [SecondaryIndex.CollectionA.partitionKey]: ALL_EVENTS_PARTITION,
    [SecondaryIndex.CollectionA.sortKey]: order,
    ...event,
  };
}

export interface AuditPage {
  readonly events: AuditEventRecord[];
  readonly positions: Position[];
  readonly hasNextPage: boolean;
  readonly endPosition: Position | undefined;
}

export class AuditStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Events newest first: of one entity, or of every entity when `entityId` is absent. */
  async page(entityId: string | undefined, first: number, start: Position | undefined): Promise<AuditPage> {
    const plan = this.planFor(entityId);
    const page = await queryPage(this.client, this.tableName, plan, first, start);
    return {
      events: page.items.map((item) => withoutKeys<AuditEventRecord>(item)),
      positions: page.items.map((item) => positionOf(item, plan.index)),
      hasNextPage: page.hasNextPage,
      endPosition: page.endPosition,
    };
  }

  /**
   * Exact count by a counting Query. Per entity this is small; the whole journal is counted
   * only when an administrator asks for its total (a global counter would make every write in
   * the park contend on one item).
   */
  count(entityId: string | undefined): Promise<number> {
    return countMatching(this.client, this.tableName, this.planFor(entityId));
  }

  private planFor(entityId: string | undefined): ListPlan {
    return entityId
      ? { partition: `${ItemKind.Audit}#${entityId}`, ascending: false }
      : { index: SecondaryIndex.CollectionA, partition: ALL_EVENTS_PARTITION, ascending: false };
  }
}
