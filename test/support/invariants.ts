import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, paginateScan } from '@aws-sdk/lib-dynamodb';
import { ItemKind, TableKey } from '@yizhan/shared';
import { checkAggregates } from '../../api/src/aggregates/rebuild';
import { localDynamoDbClientConfig } from '../../api/src/local/dynamodb-local';
import type { RecordStore } from '../../api/src/store/entity-store';
import type { TestApi } from './api';

type Item = Record<string, unknown> & { pk: string; sk: string };

/** Every item of the table, read by a Scan: a test reads what is stored, not what the API says. */
export async function tableItems(endpoint: string, tableName: string): Promise<Item[]> {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient(localDynamoDbClientConfig(endpoint)));
  try {
    const items: Item[] = [];
    for await (const page of paginateScan({ client }, { TableName: tableName, ConsistentRead: true })) items.push(...((page.Items ?? []) as Item[]));
    return items;
  } finally {
    client.destroy();
  }
}

/** What the invariant check found wrong; every list empty when the table is consistent. */
export interface InvariantReport {
  /** Guards whose record is gone, or holds another value. */
  readonly orphanGuards: string[];
  /** Unique values of records without their guard. */
  readonly missingGuards: string[];
  /** `<entity> <dimension>: counted N, records M`. */
  readonly counterDifferences: string[];
  /** `<entity id>: N events, M successful mutations`. */
  readonly auditDifferences: string[];
  /** Dashboard buckets whose maintained sums differ from their rebuild. */
  readonly aggregateDifferences: unknown[];
  /** How much was checked, so that an empty report cannot come from an empty table. */
  readonly checked: { records: number; guards: number; counters: number; auditEvents: number };
}

/**
 * Checks the table as stored against the rules every write keeps: each unique value has exactly
 * its guard, every counter equals the records it counts, each record has one audit event per
 * successful mutation (`mutations` by entity id), and the dashboard's aggregates equal their
 * rebuild from the records.
 */
export async function checkInvariants(api: TestApi, mutations: ReadonlyMap<string, number>): Promise<InvariantReport> {
  const { stores, config } = api.server.application;
  const items = await tableItems(config.dynamodbEndpoint!, api.tableName);
  const recordStores: RecordStore<never>[] = [stores.stations, stores.enterprises, stores.serviceRequests, stores.projects, stores.approvals] as never;
  const report: InvariantReport = { orphanGuards: [], missingGuards: [], counterDifferences: [], auditDifferences: [], aggregateDifferences: await checkAggregates(stores), checked: { records: 0, guards: 0, counters: 0, auditEvents: 0 } };

  const recordsOf = new Map<string, Map<string, Record<string, unknown>>>();
  for (const store of recordStores) recordsOf.set(store.entityType, new Map());
  const guards = new Set<string>();
  const counted = new Map<string, number>();
  const auditEvents = new Map<string, number>();
  for (const item of items) {
    const [kind, ...rest] = item[TableKey.partitionKey].split('#');
    if (recordsOf.has(kind!) && item[TableKey.sortKey] === kind) recordsOf.get(kind!)!.set(rest.join('#'), item);
    else if (kind === ItemKind.Unique) {
      const [entityType, field, ...value] = rest;
      guards.add(`${entityType} ${field} ${value.join('#')}`);
      const target = recordsOf.get(entityType!) ? items.find((candidate) => candidate.pk === `${entityType}#${String(item.targetId)}` && candidate.sk === entityType) : undefined;
      if (!target || target[field!] !== value.join('#')) report.orphanGuards.push(`${entityType} ${field} ${value.join('#')} → ${String(item.targetId)}`);
    } else if (kind === ItemKind.Counter) {
      const dimension = item.sk.startsWith('@') ? item.sk : item.sk.replace(/#\d+$/, '');
      const key = `${rest[0]} ${dimension}`;
      counted.set(key, (counted.get(key) ?? 0) + Number(item.count ?? 0));
    } else if (kind === ItemKind.Audit) {
      auditEvents.set(rest.join('#'), (auditEvents.get(rest.join('#')) ?? 0) + 1);
    }
  }

  const expected = new Map<string, number>();
  for (const store of recordStores) {
    for (const record of recordsOf.get(store.entityType)!.values()) {
      for (const field of store.layout.uniqueFields) {
        const value = record[field];
        if (typeof value === 'string' && !guards.has(`${store.entityType} ${field} ${value}`)) report.missingGuards.push(`${store.entityType} ${String(record.id)} ${field} ${value}`);
      }
      for (const dimension of store.layout.counterDimensions(record)) {
        const key = `${store.entityType} ${dimension}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
    }
  }
  for (const key of new Set([...expected.keys(), ...counted.keys()])) {
    if ((expected.get(key) ?? 0) !== (counted.get(key) ?? 0)) report.counterDifferences.push(`${key}: counted ${counted.get(key) ?? 0}, records ${expected.get(key) ?? 0}`);
  }
  for (const id of new Set([...mutations.keys(), ...auditEvents.keys()])) {
    if ((mutations.get(id) ?? 0) !== (auditEvents.get(id) ?? 0)) report.auditDifferences.push(`${id}: ${auditEvents.get(id) ?? 0} events, ${mutations.get(id) ?? 0} successful mutations`);
  }
  report.checked.records = [...recordsOf.values()].reduce((sum, records) => sum + records.size, 0);
  report.checked.guards = guards.size;
  report.checked.counters = expected.size;
  report.checked.auditEvents = [...auditEvents.values()].reduce((sum, events) => sum + events, 0);
  return report;
}
