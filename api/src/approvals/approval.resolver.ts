import { HISTORY_READERS, Role } from '@yizhan/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';

import { AuditEventConnection } from '../audit/audit.type';
import { Access } from '../auth/access';
import { PageArgs } from '../common/connection';
import type { Paging } from '../common/page';
import { relatedListResolver } from '../common/record-resolver';
import type { Context } from '../context';
import type { EnterpriseRecord } from '../enterprises/enterprise.service';
import { Enterprise } from '../enterprises/enterprise.type';
import type { ProjectRecord } from '../projects/project.service';
import { Project, projectSchema } from '../projects/project.type';
import type { StationRecord } from '../stations/station.service';
import { Station } from '../stations/station.type';
import type { ApprovalRecord } from './approval.model';
import type { ProjectStage as Stage } from './approval.service';
import {
  Approval,
  approvalSchema,
  ProjectStage,
  RecordJointAcceptanceInput,
  SupplyApprovalMaterialsInput,
} from './approval.type';

/** What approvals offer beyond the record path: their clock, relations, history and the two amendments. */
@Resolver(() => Approval)
export class ApprovalResolver {
  @FieldResolver(() => Boolean, { description: 'On a running clock and past its promised due date, as of today.' })
  overdue(@Root() approval: ApprovalRecord, @Ctx() { services }: Context): boolean {
    return services.approvals.overdue(approval);
  }

  @FieldResolver(() => Int, { nullable: true, description: 'Working days from acceptance to the decision (or today), pauses excluded.' })
  elapsedWorkingDays(@Root() approval: ApprovalRecord, @Ctx() { services }: Context): Promise<number | null> {
    return services.approvals.elapsed(approval);
  }

  @FieldResolver(() => Project, { nullable: true, description: 'The project, when you may see it.' })
  async project(@Root() approval: ApprovalRecord, @Ctx() { services }: Context): Promise<ProjectRecord | null> {
    return (await services.projects.load(approval.projectId)) ?? null;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The applicant enterprise, when you may see it.' })
  async enterprise(@Root() approval: ApprovalRecord, @Ctx() { services }: Context): Promise<EnterpriseRecord | null> {
    return (await services.enterprises.load(approval.enterpriseId)) ?? null;
  }

  @FieldResolver(() => Station, { nullable: true, description: 'The station serving the applicant.' })
  async station(@Root() approval: ApprovalRecord, @Ctx() { services }: Context): Promise<StationRecord | null> {
    return approval.stationId ? ((await services.stations.load(approval.stationId)) ?? null) : null;
  }

  @Authorized(...HISTORY_READERS)
  @FieldResolver(() => AuditEventConnection, { nullable: true, description: `What happened to the approval, newest first (${HISTORY_READERS.join(', ')}).` })
  async history(@Root() approval: ApprovalRecord, @Args(() => PageArgs) paging: Paging, @Ctx() { services }: Context) {
    return AuditEventConnection.of(await services.audit.list(approval.id, paging));
  }

  @Authorized(Role.ADMIN, Role.OFFICER, Role.ENTERPRISE)
  @Mutation(() => Approval, {
    description:
      'Marks owed (容缺) materials supplied, at the version you read; officers may waive one instead. A suspended approval may then RESUME within the grace period. Roles: ADMIN, OFFICER, ENTERPRISE (its own).',
  })
  supplyApprovalMaterials(
    @Arg('input', () => SupplyApprovalMaterialsInput) input: { id: string; expectedVersion: number; materials: unknown },
    @Ctx() { services }: Context,
  ): Promise<ApprovalRecord> {
    return services.approvals.supplyMaterials(input);
  }

  @Authorized(Role.ADMIN, Role.OFFICER)
  @Mutation(() => Approval, {
    description:
      'Records the checks of a joint completion acceptance under review, at the version you read; the first record settles `firstPass`. APPROVE needs every check PASSED. Roles: ADMIN, OFFICER.',
  })
  recordJointAcceptance(
    @Arg('input', () => RecordJointAcceptanceInput) input: { id: string; expectedVersion: number; checks: unknown },
    @Ctx() { services }: Context,
  ): Promise<ApprovalRecord> {
    return services.approvals.recordJointAcceptance(input);
  }
}

/** A project's enterprise, approvals, stages and total working days. */
@Resolver(() => Project)
export class ProjectResolver {
  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise building it, when you may see it.' })
  async enterprise(@Root() project: ProjectRecord, @Ctx() { services }: Context): Promise<EnterpriseRecord | null> {
    return (await services.enterprises.load(project.enterpriseId)) ?? null;
  }

  @FieldResolver(() => Station, { nullable: true, description: 'The station serving its enterprise.' })
  async station(@Root() project: ProjectRecord, @Ctx() { services }: Context): Promise<StationRecord | null> {
    return project.stationId ? ((await services.stations.load(project.stationId)) ?? null) : null;
  }

  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => [ProjectStage], { nullable: true, description: 'The stages so far, in order, each with its approvals and working days.' })
  stages(@Root() project: ProjectRecord, @Ctx() { services }: Context): Promise<Stage[]> {
    return services.approvals.stagesOf(project.id);
  }

  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => Int, { nullable: true, description: 'Working days across its stages (each stage counted once, by its longest approval).' })
  async totalWorkingDays(@Root() project: ProjectRecord, @Ctx() { services }: Context): Promise<number | null> {
    const days = (await services.approvals.stagesOf(project.id)).map((stage) => stage.workingDays).filter((value): value is number => value !== null);
    return days.length > 0 ? days.reduce((sum, value) => sum + value, 0) : null;
  }
}

/** `Project.approvals`: the project's approvals within the viewer's scope. */
export const ProjectApprovalsResolver = relatedListResolver<ProjectRecord>({
  parent: Project,
  field: 'approvals',
  related: approvalSchema,
  serviceOf: (services) => services.approvals,
  where: (project) => ({ projectId: project.id }),
  defaultSort: 'SUBMITTED_ASC',
  description: 'The approvals of this project.',
});

/** `Enterprise.projects`: the enterprise's projects within the viewer's scope. */
export const EnterpriseProjectsResolver = relatedListResolver<EnterpriseRecord>({
  parent: Enterprise,
  field: 'projects',
  related: projectSchema,
  serviceOf: (services) => services.projects,
  where: (enterprise) => ({ enterpriseId: enterprise.id }),
  defaultSort: 'CREATED_DESC',
  description: 'The projects of this enterprise.',
});

/** `Enterprise.approvals`: the enterprise's applications within the viewer's scope. */
export const EnterpriseApprovalsResolver = relatedListResolver<EnterpriseRecord>({
  parent: Enterprise,
  field: 'approvals',
  related: approvalSchema,
  serviceOf: (services) => services.approvals,
  where: (enterprise) => ({ enterpriseId: enterprise.id }),
  defaultSort: 'SUBMITTED_DESC',
  description: 'The approvals this enterprise applied for.',
});
