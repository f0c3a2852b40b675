import { type AnyEntity, approvalEntity, enterpriseEntity, projectEntity, secondaryIndexes, serviceRequestEntity, stationEntity } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { EntityLayout } from './entity-layout';

/** Which index partitions a record's item is in: index name → partition key value. */
function partitionsOf(entity: AnyEntity, record: Record<string, unknown>): Record<string, string> {
  const attributes = new EntityLayout(entity).derivedAttributes({ id: '01HZY', ...record });
  return Object.fromEntries(secondaryIndexes.flatMap((index) => (attributes[index.partitionKey] ? [[index.indexName, attributes[index.partitionKey]!]] : [])));
}

/*
 * Where records lie in the table's indexes follows from the declarations. Moving an order to
 * another slot strands the items already written there, so these layouts change only with a
 * migration (and TABLE_LAYOUT_VERSION).
 */
describe('the entity layout', () => {
  it('lists stations in the collection slots, one per order', () => {
    expect(partitionsOf(stationEntity, { name: '金荣驿站', code: 'JR', openedOn: '2022-06-15', status: 'ACTIVE' })).toEqual({
      'collection-a': 'Station',
      'collection-b': 'Station',
      'collection-c': 'Station',
    });
  });

  it('lists enterprises in the collection and by station', () => {
    expect(partitionsOf(enterpriseEntity, { name: '湘潭中天机电有限公司', stationId: 'S1', establishedOn: '2020-05-18', createdAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      'collection-a': 'Enterprise',
      'collection-b': 'Enterprise',
      'collection-c': 'Enterprise',
      'scope-a': 'Enterprise#Station#S1',
      'scope-b': 'Enterprise#Station#S1',
      'scope-c': 'Enterprise#Station#S1',
    });
  });

  it('lists service requests in the collection, by station and by enterprise; open ones also by due time', () => {
    const open = { status: 'SIGNED', stationId: 'S1', enterpriseId: 'E1', receivedAt: '2026-11-20T01:00:00.000Z', dueAt: '2026-11-27T01:00:00.000Z' };
    expect(partitionsOf(serviceRequestEntity, open)).toEqual({
      'collection-a': 'ServiceRequest',
      'collection-b': 'ServiceRequest',
      'collection-c': 'ServiceRequest#Enterprise#E1',
      'scope-a': 'ServiceRequest#Station#S1',
      'scope-b': 'ServiceRequest#Station#S1',
      'scope-c': 'ServiceRequest#Enterprise#E1',
    });
    expect(partitionsOf(serviceRequestEntity, { ...open, status: 'CLOSED' })).toEqual({
      'collection-a': 'ServiceRequest',
      'collection-c': 'ServiceRequest#Enterprise#E1',
      'scope-a': 'ServiceRequest#Station#S1',
    });
  });

  it('lists projects in the collection, by station and by enterprise', () => {
    expect(partitionsOf(projectEntity, { name: '扩产项目', stationId: 'S1', enterpriseId: 'E1', createdAt: '2026-01-01T00:00:00.000Z' })).toEqual({
      'collection-a': 'Project',
      'collection-b': 'Project',
      'collection-c': 'Project#Enterprise#E1',
      'scope-a': 'Project#Station#S1',
      'scope-b': 'Project#Station#S1',
      'scope-c': 'Project#Enterprise#E1',
    });
  });

  it('lists approvals by submission everywhere, running clocks by due date in the collection and by station, and owed materials in the collection only', () => {
    const owing = { status: 'UNDER_REVIEW', stationId: 'S1', enterpriseId: 'E1', submittedAt: '2026-11-20T01:00:00.000Z', dueOn: '2026-12-01', earliestPromisedBy: '2026-11-25' };
    expect(partitionsOf(approvalEntity, owing)).toEqual({
      'collection-a': 'Approval',
      'collection-b': 'Approval',
      'collection-c': 'Approval',
      'scope-a': 'Approval#Station#S1',
      'scope-b': 'Approval#Station#S1',
      'scope-c': 'Approval#Enterprise#E1',
    });
    expect(partitionsOf(approvalEntity, { ...owing, status: 'ISSUED', earliestPromisedBy: null })).toEqual({
      'collection-a': 'Approval',
      'scope-a': 'Approval#Station#S1',
      'scope-c': 'Approval#Enterprise#E1',
    });
  });
});
