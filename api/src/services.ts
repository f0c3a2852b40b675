import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AuditService } from './audit/audit.service';
import { AuditStore } from './audit/audit.store';
import { CalendarService } from './calendar/calendar.service';
import { createCalendarStore } from './calendar/calendar.store';
import type { CursorCodec } from './common/cursor';
import type { RequestScope } from './context';
import { EnterpriseService } from './enterprises/enterprise.service';
import { createEnterpriseStore } from './enterprises/enterprise.store';
import { StationService } from './stations/station.service';
import { createStationStore } from './stations/station.store';

/** The stores of a process: created once, shared by every request. */
export function createStores(client: DynamoDBDocumentClient, tableName: string) {
  return {
    stations: createStationStore(client, tableName),
    enterprises: createEnterpriseStore(client, tableName),
    calendar: createCalendarStore(client, tableName),
    audit: new AuditStore(client, tableName),
  };
}

export type Stores = ReturnType<typeof createStores>;

/** The services of one request: they know the viewer and batch their lookups per request. */
export function createServices(stores: Stores, cursors: CursorCodec, scope: RequestScope) {
  const stations = new StationService(stores.stations, cursors, scope);
  const enterprises = new EnterpriseService(stores.enterprises, stations, cursors, scope);
  return {
    stations,
    enterprises,
    calendar: new CalendarService(stores.calendar, scope),
    audit: new AuditService(stores.audit, cursors, scope, {
      Station: (id) => stations.get(id),
      Enterprise: (id) => enterprises.get(id),
    }),
  };
}

export type Services = ReturnType<typeof createServices>;
