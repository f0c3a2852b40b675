import { enterpriseEntity } from '@yizhan/shared';
import {
  AutocompleteArrayInput,
  CreateButton,
  Datagrid,
  DateInput,
  ExportButton,
  FilterButton,
  List,
  ReferenceArrayInput,
  SearchInput,
  SelectArrayInput,
  TopToolbar,
} from 'react-admin';
import { declaredExporter } from '../csv/declaredExporter';
import { defaultSortOf, sortableFields } from '../dataProvider/resources';
import { DeclaredField } from '../declared/DeclaredField';
import { enumChoices } from '../i18n/domain';
import { ImportButton } from './ImportButton';

const searchByText = (text: string) => (text ? { q: text } : {});

/** The list's filters: each one a filter of the declaration (`EnterpriseFilter`). */
const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectArrayInput key="status" source="status" choices={enumChoices('EnterpriseStatus')} alwaysOn />,
  <ReferenceArrayInput key="stationId" source="stationId" reference="stations">
    <AutocompleteArrayInput filterToQuery={searchByText} label="resources.enterprises.fields.stationId" />
  </ReferenceArrayInput>,
  <SelectArrayInput key="tag" source="tag" choices={enumChoices('EnterpriseTag')} />,
  <SelectArrayInput key="creditStatus" source="creditStatus" choices={enumChoices('CreditStatus')} />,
  <DateInput key="registeredFrom" source="registeredFrom" />,
  <DateInput key="registeredTo" source="registeredTo" />,
];

const sortable = new Set(sortableFields(enterpriseEntity));
const column = (source: string) => <DeclaredField key={source} entity={enterpriseEntity} source={source} sortable={sortable.has(source)} />;

function EnterpriseListActions() {
  return (
    <TopToolbar>
      <FilterButton />
      <CreateButton />
      <ImportButton />
      <ExportButton />
    </TopToolbar>
  );
}

/** 经营主体: filtered by the API's filters, sorted only by the orders it keeps. */
export function EnterpriseList() {
  return (
    <List filters={filters} actions={<EnterpriseListActions />} sort={defaultSortOf(enterpriseEntity)} exporter={declaredExporter(enterpriseEntity)} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        {['name', 'creditCode', 'stationId', 'status', 'tags', 'establishedOn', 'registeredCapital', 'employees', 'createdAt'].map(column)}
      </Datagrid>
    </List>
  );
}
