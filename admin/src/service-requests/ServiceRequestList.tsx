import { Button, ButtonGroup } from '@mui/material';
import { serviceRequestEntity } from '@yizhan/shared';
import { useListContext, usePermissions, useTranslate } from 'react-admin';
import type { Permissions } from '../authProvider/permissions';
import { sortableFields } from '../dataProvider/resources';
import { columnsOf, DeclaredList, declaredFilters } from '../declared/DeclaredList';
import { DueField } from '../declared/DueField';
import { serviceRequestViews } from './serviceRequestViews';

/** The list's filters: each one a filter of the declaration (`ServiceRequestFilter`). */
const filters = declaredFilters(serviceRequestEntity, ['status', 'channel']);

const column = columnsOf(serviceRequestEntity);

/** The views of the user's roles as buttons; the current one is pressed. */
function ServiceRequestViews() {
  const { permissions } = usePermissions<Permissions>();
  const { filterValues, setFilters, setSort } = useListContext();
  const translate = useTranslate();
  const current = JSON.stringify(filterValues);
  return (
    <ButtonGroup size="small" aria-label={translate('yizhan.views.label')} sx={{ mr: 'auto', alignSelf: 'center' }}>
      {serviceRequestViews(permissions).map((view) => (
        <Button
          key={view.name}
          variant={JSON.stringify(view.filter) === current ? 'contained' : 'outlined'}
          aria-pressed={JSON.stringify(view.filter) === current}
          onClick={() => {
            setSort(view.sort);
            setFilters(view.filter, {});
          }}
        >
          {translate(`yizhan.views.${view.name}`)}
        </Button>
      ))}
    </ButtonGroup>
  );
}

/** 服务工单: the views of the user's work, the API's filters, due time and overdue at a glance. */
export function ServiceRequestList() {
  return (
    <DeclaredList entity={serviceRequestEntity} filters={filters} actions={<ServiceRequestViews />}>
      {['number', 'title', 'channel', 'category', 'status', 'stationId', 'receivedAt'].map(column)}
      <DueField entity={serviceRequestEntity} source="dueAt" label="resources.serviceRequests.fields.dueAt" sortable={sortableFields(serviceRequestEntity).includes('dueAt')} />
    </DeclaredList>
  );
}
