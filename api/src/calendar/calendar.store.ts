import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecondaryIndex } from '@yizhan/shared';
import { EntityStore, type ItemLayout } from '../store/entity-store';
import { CALENDAR_OVERRIDE, type CalendarOverrideRecord } from './calendar.model';

/** Overrides in date order: one small partition of the first collection index. */
const byDate = SecondaryIndex.CollectionA;

/** Overrides are few (tens a year); a request reads them all at most once. */
const MAX_OVERRIDES = 10_000;

const calendarLayout: ItemLayout = {
  entityType: CALENDAR_OVERRIDE,
  uniqueFields: [],
  derivedAttributes: (override) => ({ [byDate.partitionKey]: CALENDAR_OVERRIDE, [byDate.sortKey]: String(override.date) }),
  counterDimensions: () => [],
  metrics: () => [],
};

/** Administrators' calendar overrides; the id of each is its date. */
export class CalendarStore extends EntityStore<CalendarOverrideRecord> {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(client, tableName, calendarLayout);
  }

  /** Every override, in date order. */
  async all(): Promise<CalendarOverrideRecord[]> {
    const page = await this.pageOf({ index: byDate, partition: CALENDAR_OVERRIDE, ascending: true }, MAX_OVERRIDES, undefined);
    return page.records;
  }
}
