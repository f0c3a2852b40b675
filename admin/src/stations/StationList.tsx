import { stationEntity } from '@yizhan/shared';
import { columnsOf, DeclaredList, declaredFilters } from '../declared/DeclaredList';

const filters = declaredFilters(stationEntity, ['status']);

/** 政务服务驿站: the park's service stations. */
export function StationList() {
  return <DeclaredList entity={stationEntity} filters={filters}>{['code', 'name', 'park', 'phone', 'openingHours', 'openedOn', 'status'].map(columnsOf(stationEntity))}</DeclaredList>;
}
