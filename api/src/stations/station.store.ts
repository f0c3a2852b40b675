import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecondaryIndex } from '@yizhan/shared';
import { EntityStore, type EntityDefinition } from '../store/entity-store';
import { STATION, type StationRecord } from './station.model';

/** Orders a station list can be read in, and the index slot that holds each. */
export const stationOrders = {
  code: SecondaryIndex.CollectionA,
  name: SecondaryIndex.CollectionB,
  openedOn: SecondaryIndex.CollectionC,
} as const;

export const stationDefinition: EntityDefinition<StationRecord> = {
  entityType: STATION,
  indexAttributes: (station) => ({
    [stationOrders.code.partitionKey]: STATION,
    [stationOrders.code.sortKey]: `${station.code}#${station.id}`,
    [stationOrders.name.partitionKey]: STATION,
    [stationOrders.name.sortKey]: `${station.name.toLowerCase()}#${station.id}`,
    [stationOrders.openedOn.partitionKey]: STATION,
    [stationOrders.openedOn.sortKey]: `${station.openedOn}#${station.id}`,
  }),
  uniqueFields: {
    code: {
      valueOf: (station) => station.code,
      takenMessage: (code) => `A station with code ${code} already exists.`,
    },
  },
  counterDimensions: (station) => ['all', `status=${station.status}`],
  searchText: (station) => [station.code, station.name, station.park, station.address].join(' ').toLowerCase(),
};

export function createStationStore(client: DynamoDBDocumentClient, tableName: string): EntityStore<StationRecord> {
  return new EntityStore(client, tableName, stationDefinition);
}
