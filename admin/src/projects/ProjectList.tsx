import { projectEntity } from '@yizhan/shared';
import { NumberField, } from 'react-admin';
import { columnsOf, DeclaredList, declaredFilters } from '../declared/DeclaredList';
import { FlagChip } from '../declared/FlagChip';

/** The list's filters: each one a filter of the declaration (`ProjectFilter`). */
const filters = declaredFilters(projectEntity, ['status']);

const column = columnsOf(projectEntity);

/** 工程建设项目: 拿地即开工 projects marked, with the working days their stages took so far. */
export function ProjectList() {
  return (
    <DeclaredList entity={projectEntity} filters={filters}>
      {['code', 'name'].map(column)}
      <FlagChip entity={projectEntity} source="startUponLandAcquisition" label="resources.projects.fields.startUponLandAcquisition" sortable={false} />
      {['enterpriseId', 'investmentType', 'status'].map(column)}
      <NumberField source="totalWorkingDays" label="yizhan.projects.total_working_days" sortable={false} />
      {column('createdAt')}
    </DeclaredList>
  );
}
