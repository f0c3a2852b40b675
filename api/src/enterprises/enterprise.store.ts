import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { SecondaryIndex, type IndexDefinition } from '@yizhan/shared';
import { EntityStore, type EntityDefinition } from '../store/entity-store';
import { ENTERPRISE, type EnterpriseRecord } from './enterprise.model';

export type EnterpriseOrder = 'name' | 'created' | 'established';

/** Index slots per order: over all enterprises, and within one station. */
export const enterpriseOrders: Record<EnterpriseOrder, { collection: IndexDefinition; station: IndexDefinition }> = {
  name: { collection: SecondaryIndex.CollectionA, station: SecondaryIndex.ScopeA },
  created: { collection: SecondaryIndex.CollectionB, station: SecondaryIndex.ScopeB },
  established: { collection: SecondaryIndex.CollectionC, station: SecondaryIndex.ScopeC },
};

export const ENTERPRISE_COLLECTION = ENTERPRISE;

export function stationPartition(stationId: string): string {
  return `${ENTERPRISE}#Station#${stationId}`;
}

function orderValue(enterprise: EnterpriseRecord, order: EnterpriseOrder): string {
  const value = { name: enterprise.name.toLowerCase(), created: enterprise.createdAt, established: enterprise.establishedOn }[order];
  return `${value}#${enterprise.id}`;
}

/**
 * Counter dimensions: all, per status / credit status / tag, and the same within the station.
 * A list filtered by at most one of those (and optionally a station) reads its total from one
 * item instead of counting.
 */
export function enterpriseDimensions(enterprise: EnterpriseRecord): string[] {
  const facets = [
    `status=${enterprise.status}`,
    `credit=${enterprise.creditStatus}`,
    ...enterprise.tags.map((tag) => `tag=${tag}`),
  ];
  const station = `station=${enterprise.stationId}`;
  return ['all', ...facets, station, ...facets.map((facet) => `${station}|${facet}`)];
}

export const enterpriseDefinition: EntityDefinition<EnterpriseRecord> = {
  entityType: ENTERPRISE,
  indexAttributes: (enterprise) => {
    const attributes: Record<string, string> = {};
    for (const order of Object.keys(enterpriseOrders) as EnterpriseOrder[]) {
      const { collection, station } = enterpriseOrders[order];
      const value = orderValue(enterprise, order);
      attributes[collection.partitionKey] = ENTERPRISE_COLLECTION;
      attributes[collection.sortKey] = value;
      attributes[station.partitionKey] = stationPartition(enterprise.stationId);
      attributes[station.sortKey] = value;
    }
    return attributes;
  },
  uniqueFields: {
    creditCode: {
      valueOf: (enterprise) => enterprise.creditCode,
      takenMessage: (code) => `An enterprise with credit code ${code} is already registered.`,
    },
  },
  counterDimensions: enterpriseDimensions,
  searchText: (enterprise) =>
    [enterprise.name, enterprise.creditCode, enterprise.legalRepresentative, enterprise.industry].join(' ').toLowerCase(),
};

export function createEnterpriseStore(client: DynamoDBDocumentClient, tableName: string): EntityStore<EnterpriseRecord> {
  return new EntityStore(client, tableName, enterpriseDefinition);
}

