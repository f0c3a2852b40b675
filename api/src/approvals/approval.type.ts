import { approvalEntity, enums, jointAcceptanceFields, supplyMaterialsFields, writeControls } from '@yizhan/shared';
import { Field, Int, ObjectType } from 'type-graphql';
import { inputTypeOf } from '../common/declared-types';
import { recordSchema } from '../common/record-resolver';
import type { ApprovalRecord } from './approval.model';

/** The GraphQL types of approvals, derived from their declaration in `shared/`. */
export const approvalSchema = recordSchema(approvalEntity, (services) => services.approvals);

export const Approval = approvalSchema.type;

const target = { id: writeControls.id, expectedVersion: writeControls.expectedVersion };

export const SupplyApprovalMaterialsInput = inputTypeOf(
  'SupplyApprovalMaterialsInput',
  [{ fields: { ...target, ...supplyMaterialsFields }, mode: 'create' }],
  'Owed (容缺) materials the applicant has supplied, or an officer waives.',
);

export const RecordJointAcceptanceInput = inputTypeOf(
  'RecordJointAcceptanceInput',
  [{ fields: { ...target, ...jointAcceptanceFields }, mode: 'create' }],
  'The checks of a joint completion acceptance (联合验收) as they stand.',
);

@ObjectType({ description: 'One stage of a project: its approvals and the working days it took so far.' })
export class ProjectStage {
  @Field(() => enums.ApprovalStage)
  stage!: string;

  @Field(() => [Approval], { description: 'The approvals of this stage you may see, oldest first.' })
  approvals!: readonly ApprovalRecord[];

  @Field(() => Int, {
    nullable: true,
    description: 'Working days of the stage: its approvals run in parallel, so the longest one (pauses excluded); null before any is accepted.',
  })
  workingDays!: number | null;
}
