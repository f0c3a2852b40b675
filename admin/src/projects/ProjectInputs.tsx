import { projectEntity } from '@yizhan/shared';
import { DeclaredForm } from '../declared/DeclaredForm';

/** The order of the project form's inputs; which input each one is follows from the declaration. */
const INPUTS = [
  'code',
  'name',
  'enterpriseId',
  'investmentType',
  'startUponLandAcquisition',
  'agentService',
  'landParcelNo',
  'landContractSignedOn',
  'promisedTotalWorkingDays',
  'plannedStartOn',
  'actualStartOn',
  'completedOn',
];

/** The one project form, used by Create and Edit alike. */
export function ProjectInputs({ mode }: { mode: 'create' | 'edit' }) {
  return <DeclaredForm entity={projectEntity} mode={mode} inputs={INPUTS} />;
}
