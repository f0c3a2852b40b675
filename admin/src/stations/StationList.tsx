import { stationEntity } from '@yizhan/shared';
import { CreateButton, Datagrid, ExportButton, FilterButton, List, SearchInput, SelectArrayInput, TopToolbar } from 'react-admin';
import { declaredExporter } from '../csv/declaredExporter';
import { defaultSortOf, sortableFields } from '../dataProvider/resources';
import { DeclaredField } from '../declared/DeclaredField';
import { enumChoices } from '../i18n/domain';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('StationStatus')} alwaysOn />,
  <SelectArrayInput key="serviceCategory" source="serviceCategory" choices={enumChoices('ServiceCategory')} />,
];

const sortable = new Set(sortableFields(stationEntity));
const column = (source: string) => <DeclaredField key={source} entity={stationEntity} source={source} sortable={sortable.has(source)} />;

function StationListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <ExportButton />
    </TopToolbar>
  );
}

/** 政务服务驿站: the park's service stations. */
export function StationList() {
  return (
    <List filters={filters} actions={<StationListActions />} sort={defaultSortOf(stationEntity)} exporter={declaredExporter(stationEntity)}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {['code', 'name', 'park', 'phone', 'openingHours', 'openedOn', 'status'].map(column)}
      </Datagrid>
    </List>
  );
}
