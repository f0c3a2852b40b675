import { enterpriseEntity } from '@yizhan/shared';
import { columnsOf, DeclaredList, declaredFilters } from '../declared/DeclaredList';
import { ImportButton } from './ImportButton';

/** The list's filters: each one a filter of the declaration (`EnterpriseFilter`). */
const filters = declaredFilters(enterpriseEntity, ['status']);

const column = columnsOf(enterpriseEntity);

/** 经营主体: filtered by the API's filters, sorted only by the orders it keeps, imported from a roster. */
export function EnterpriseList() {
  return (
    <DeclaredList entity={enterpriseEntity} filters={filters} actions={<ImportButton />}>
      {['name', 'creditCode', 'stationId', 'status', 'tags', 'establishedOn', 'registeredCapital', 'employees', 'createdAt'].map(column)}
    </DeclaredList>
  );
}
