import { enterpriseEntity, stationEntity } from '@yizhan/shared';
import { Datagrid, Pagination, ReferenceManyField, Show, TabbedShowLayout, useCanAccess } from 'react-admin';
import { RecordShowActions } from '../actions/RecordShowActions';
import { defaultSortOf } from '../dataProvider/resources';
import { DeclaredField } from '../declared/DeclaredField';
import { RecordHistory } from '../history/RecordHistory';

const field = (source: string) => <DeclaredField key={source} entity={stationEntity} source={source} />;

/** A station: its record, the enterprises it serves (within the viewer's scope), and its history. */
export function StationShow() {
  const { canAccess: mayReadHistory } = useCanAccess({ action: 'history', resource: stationEntity.plural });
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
        {mayReadHistory && (
          <TabbedShowLayout.Tab label="yizhan.history.tab" path="history">
            <RecordHistory />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
    </Show>
  );
}
