import type { Locale } from '@yizhan/shared';
import { Datagrid, DateField, FunctionField, List, type RaRecord, TextField, TextInput, useLocaleState } from 'react-admin';
import { entityTypeText } from '../history/auditText';
import { ActionField, ChangesField } from '../history/RecordHistory';
import { auditExporter } from './auditExporter';

const filters = [<TextInput key="entityId" source="entityId" label="yizhan.history.entity" alwaysOn />];

/** The whole journal of changes, newest first (administrators); narrowed to one record by its id. */
export function AuditEventList() {
  const [locale] = useLocaleState();
  return (
    <List filters={filters} exporter={auditExporter} title="yizhan.audit.name" sort={{ field: 'at', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="at" label="yizhan.history.at" showTime locales={locale} sortable={false} />
        <TextField source="actor.username" label="yizhan.history.actor" sortable={false} />
        <ActionField />
        <FunctionField<RaRecord> label="yizhan.history.entity" render={(event) => entityTypeText(String(event.entityType), locale as Locale)} />
        <FunctionField<RaRecord> label="yizhan.history.version" render={(event) => `${event.versionBefore ?? '—'} → ${event.versionAfter ?? '—'}`} />
        <ChangesField />
        <TextField source="note" label="yizhan.history.note" sortable={false} />
      </Datagrid>
    </List>
  );
}
