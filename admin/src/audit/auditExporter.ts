import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';
import { formatCsv } from '../csv/csv';

const COLUMNS = ['at', 'actor', 'action', 'transition', 'entityType', 'entityId', 'versionBefore', 'versionAfter', 'note', 'requestId', 'changes'];

/** The audit log as CSV: one row per event, its changes as JSON (the journal as the API keeps it). */
export const auditExporter: Exporter = (events: RaRecord[]) => {
  const rows = events.map((event) => [
    event.at,
    event.actor?.username,
    event.action,
    event.transition,
    event.entityType,
    event.entityId,
    event.versionBefore,
    event.versionAfter,
    event.note,
    event.requestId,
    JSON.stringify(event.changes ?? []),
  ]);
  downloadCSV(formatCsv(COLUMNS, rows), 'audit-events');
};
