import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type AnyEntity,
  approvalEntity,
  enterpriseEntity,
  projectEntity,
  type RecordMeta,
  type ServiceLevels,
  serviceRequestEntity,
  stationEntity,
} from '@yizhan/shared';
import { ApprovalService } from './approvals/approval.service';
import { ApprovalStore } from './approvals/approval.store';
import { AuditService } from './audit/audit.service';
import { AuditStore } from './audit/audit.store';
import { CalendarService } from './calendar/calendar.service';
import { CalendarStore } from './calendar/calendar.store';
import type { CursorCodec } from './common/cursor';
import { DashboardService } from './dashboard/dashboard.service';
import { type EnterpriseRecord, EnterpriseService } from './enterprises/enterprise.service';
import { type ProjectRecord, ProjectService } from './projects/project.service';
import type { RequestScope } from './request-scope';
import { ServiceRequestService } from './service-requests/service-request.service';
import { ServiceRequestStore } from './service-requests/service-request.store';
import { type StationRecord, StationService } from './stations/station.service';
import { AggregateReader } from './store/aggregates';
import { EntityLayout } from './store/entity-layout';
import { RecordStore } from './store/entity-store';
import { ItemBatch } from './store/item-batch';

/** The domain settings of a process (from its configuration). */
export interface Settings {
  readonly serviceLevels: ServiceLevels;
  readonly approvalGraceWorkingDays: number;
}

function recordStore<R extends RecordMeta>(client: DynamoDBDocumentClient, tableName: string, entity: AnyEntity): RecordStore<R> {
  return new RecordStore<R>(client, tableName, new EntityLayout(entity));
}

/** The stores of a process: created once, shared by every request. */
export function createStores(client: DynamoDBDocumentClient, tableName: string) {
  return {
    stations: recordStore<StationRecord>(client, tableName, stationEntity),
    enterprises: recordStore<EnterpriseRecord>(client, tableName, enterpriseEntity),
    serviceRequests: new ServiceRequestStore(client, tableName),
    projects: recordStore<ProjectRecord>(client, tableName, projectEntity),
    approvals: new ApprovalStore(client, tableName),
    calendar: new CalendarStore(client, tableName),
    audit: new AuditStore(client, tableName),
    aggregates: new AggregateReader(client, tableName),
    /** A request's batch of item reads (see `ItemBatch`). */
    itemBatch: () => new ItemBatch(client, tableName),
  };
}

export type Stores = ReturnType<typeof createStores>;

/** The services of one request: they know the viewer and batch their lookups per request. */
export function createServices(stores: Stores, cursors: CursorCodec, scope: RequestScope, settings: Settings) {
  const context = { scope, cursors, items: stores.itemBatch() };
  const stations = new StationService(stores.stations, context);
  const enterprises = new EnterpriseService(stores.enterprises, stations, context);
  const calendar = new CalendarService(stores.calendar, scope);
  const serviceRequests = new ServiceRequestService(stores.serviceRequests, { stations, enterprises, calendar, levels: settings.serviceLevels }, context);
  const projects = new ProjectService(stores.projects, enterprises, context);
  const approvals = new ApprovalService(stores.approvals, { projects, enterprises, calendar, graceWorkingDays: settings.approvalGraceWorkingDays }, context);
  return {
    stations,
    enterprises,
    serviceRequests,
    projects,
    approvals,
    calendar,
    dashboard: new DashboardService(stores.aggregates, stores.stations, stations, scope),
    audit: new AuditService(stores.audit, cursors, scope, {
      [stationEntity.name]: (id) => stations.get(id),
      [enterpriseEntity.name]: (id) => enterprises.get(id),
      [serviceRequestEntity.name]: (id) => serviceRequests.get(id),
      [projectEntity.name]: (id) => projects.get(id),
      [approvalEntity.name]: (id) => approvals.get(id),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
