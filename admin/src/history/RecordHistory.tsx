import { Box, Typography } from '@mui/material';
import type { Locale } from '@yizhan/shared';
import type { ReactElement } from 'react';
import { Datagrid, DateField, FunctionField, Pagination, type RaRecord, ReferenceManyField, TabbedShowLayout, TextField, useCanAccess, useLocaleState, useTranslate } from 'react-admin';
import { actionText, changeText } from './auditText';

interface Change {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

/** Changes listed per event; a create lists every field, which says little beyond the first few. */
const MAX_CHANGES_SHOWN = 6;

/** The changes of one audit event, one line each (`经营状态：在园经营 → 已迁出`). */
export function ChangesField() {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  return (
    <FunctionField<RaRecord>
      label="yizhan.history.changes"
      render={(event) => {
        const changes = (event.changes ?? []) as Change[];
        return (
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {changes.slice(0, MAX_CHANGES_SHOWN).map((change) => (
              <li key={change.field}>{changeText(String(event.entityType), change, locale as Locale, translate)}</li>
            ))}
            {changes.length > MAX_CHANGES_SHOWN && <li>{translate('yizhan.history.more', { count: changes.length - MAX_CHANGES_SHOWN })}</li>}
          </Box>
        );
      }}
    />
  );
}

/** What an audit event did, in words. */
export function ActionField() {
  const translate = useTranslate();
  return <FunctionField<RaRecord> label="yizhan.history.action" render={(event) => actionText(event as never, translate)} />;
}

/** The record's history from `auditEvents`, newest first, paged like any list. */
function RecordHistory() {
  const [locale] = useLocaleState();
  const translate = useTranslate();
  return (
    <ReferenceManyField reference="auditEvents" target="entityId" perPage={10} pagination={<Pagination rowsPerPageOptions={[10, 25]} />}>
      <Datagrid bulkActionButtons={false} rowClick={false} empty={<Typography sx={{ p: 2 }}>{translate('yizhan.history.empty')}</Typography>}>
        <DateField source="at" label="yizhan.history.at" showTime locales={locale} sortable={false} />
        <TextField source="actor.username" label="yizhan.history.actor" sortable={false} />
        <ActionField />
        <ChangesField />
        <TextField source="note" label="yizhan.history.note" sortable={false} />
      </Datagrid>
    </ReferenceManyField>
  );
}

/**
 * A show page's history tab, for those who may read the history of `resource`; null for the
 * others. A hook, not a component: the tabbed layout reads its tabs' labels and paths from its
 * direct children.
 */
export function useHistoryTab(resource: string): ReactElement | null {
  const { canAccess } = useCanAccess({ action: 'history', resource });
  return canAccess ? (
    <TabbedShowLayout.Tab label="yizhan.history.tab" path="history">
      <RecordHistory />
    </TabbedShowLayout.Tab>
  ) : null;
}
