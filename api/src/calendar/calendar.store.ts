import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecondaryIndex } from '@yizhan/shared';
import { EntityStore, type EntityDefinition } from '../store/entity-store';
import { CALENDAR_OVERRIDE, type CalendarOverrideRecord } from './calendar.model';

/** Overrides in date order: one small partition, read whole or by year. */
export const calendarOrder = SecondaryIndex.CollectionA;

export const calendarOverrideDefinition: EntityDefinition<CalendarOverrideRecord> = {
  entityType: CALENDAR_OVERRIDE,
  indexAttributes: (override) => ({
    [calendarOrder.partitionKey]: CALENDAR_OVERRIDE,
    [calendarOrder.sortKey]: override.date,
  }),
  uniqueFields: {},
  counterDimensions: () => [],
};

export function createCalendarStore(client: DynamoDBDocumentClient, tableName: string): EntityStore<CalendarOverrideRecord> {
  return new EntityStore(client, tableName, calendarOverrideDefinition);
}
