import { approvalEntity } from '@yizhan/shared';
import { sortableFields } from '../dataProvider/resources';
import { columnsOf, DeclaredList, declaredFilters } from '../declared/DeclaredList';
import { DueField } from '../declared/DueField';
import { FlagChip } from '../declared/FlagChip';

/** The list's filters: each one a filter of the declaration (`ApprovalFilter`). */
const filters = declaredFilters(approvalEntity, ['status', 'stage']);

const column = columnsOf(approvalEntity);

/** 审批事项: every item of every stage, 拿地即开工 pre-reviews marked, the promised due date and overdue at a glance. */
export function ApprovalList() {
  return (
    <DeclaredList entity={approvalEntity} filters={filters}>
      {['number', 'itemName', 'stage', 'projectId', 'acceptanceMode'].map(column)}
      <FlagChip entity={approvalEntity} source="preReview" label="resources.approvals.fields.preReview" sortable={false} />
      {['status', 'submittedAt'].map(column)}
      <DueField entity={approvalEntity} source="dueOn" label="resources.approvals.fields.dueOn" sortable={sortableFields(approvalEntity).includes('dueOn')} />
    </DeclaredList>
  );
}
