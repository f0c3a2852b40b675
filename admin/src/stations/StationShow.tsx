import { enterpriseEntity, serviceRequestEntity, stationEntity } from '@yizhan/shared';
import { Datagrid, Pagination, ReferenceManyField, Show, TabbedShowLayout } from 'react-admin';
import { RecordShowActions } from '../actions/RecordShowActions';
import { defaultSortOf } from '../dataProvider/resources';
import { DeclaredField, declaredFields } from '../declared/DeclaredField';
import { DueField } from '../declared/DueField';
import { useHistoryTab } from '../history/RecordHistory';

const field = declaredFields(stationEntity);

/** A station: its record, the enterprises it serves and its service requests (within the viewer's scope), and its history. */
export function StationShow() {
  const historyTab = useHistoryTab(stationEntity.plural);
  return (
    <Show actions={<RecordShowActions entity={stationEntity} />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="yizhan.detail.summary">
          {['code', 'name', 'status', 'park', 'address', 'phone', 'openingHours', 'openedOn', 'serviceCategories', 'location.lat', 'location.lng', 'description'].map(field)}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.related.enterprises" path="enterprises">
          <ReferenceManyField reference={enterpriseEntity.plural} target="stationId" sort={defaultSortOf(enterpriseEntity)} perPage={10} pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              {['name', 'creditCode', 'status', 'tags'].map((source) => (
                <DeclaredField key={source} entity={enterpriseEntity} source={source} sortable={false} />
              ))}
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.related.requests" path="requests">
          <ReferenceManyField reference={serviceRequestEntity.plural} target="stationId" sort={defaultSortOf(serviceRequestEntity)} perPage={10} pagination={<Pagination />}>
            <Datagrid rowClick="show" bulkActionButtons={false}>
              {['number', 'title', 'channel', 'category', 'status', 'receivedAt'].map((source) => (
                <DeclaredField key={source} entity={serviceRequestEntity} source={source} sortable={false} />
              ))}
              <DueField entity={serviceRequestEntity} source="dueAt" label="resources.serviceRequests.fields.dueAt" />
            </Datagrid>
          </ReferenceManyField>
        </TabbedShowLayout.Tab>
        {historyTab}
      </TabbedShowLayout>
    </Show>
  );
}
