import { approvalEntity } from '@yizhan/shared';
import { DeclaredForm } from '../declared/DeclaredForm';

/** The order of the application's inputs; which input each one is follows from the declaration. */
const INPUTS = ['projectId', 'stage', 'itemName', 'department', 'statutoryWorkingDays', 'promisedWorkingDays', 'submittedMaterials'];

/** The one approval form (the application), used by Create and Edit alike. */
export function ApprovalInputs({ mode }: { mode: 'create' | 'edit' }) {
  return <DeclaredForm entity={approvalEntity} mode={mode} inputs={INPUTS} />;
}
