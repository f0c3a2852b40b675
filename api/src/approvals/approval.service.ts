import {
  AcceptanceMode,
  ApprovalAction,
  ApprovalGuard,
  ApprovalStage,
  ApprovalStatus,
  approvalDueDates,
  approvalEntity,
  approvalMachine,
  CLOCKED_APPROVAL_STATES,
  CreditStatus,
  elapsedWorkingDays,
  JointCheckResult,
  jointAcceptanceFields,
  MAX_PAGE_SIZE,
  MaterialStatus,
  PauseReason,
  parseFields,
  Role,
  shanghaiDate,
  shanghaiDay,
  supplyMaterialsFields,
  type ValueOfFields,
} from '@yizhan/shared';
import type { CalendarService } from '../calendar/calendar.service';
import type { Page, Paging } from '../common/page';
import type { RecordRules, ServiceContext } from '../common/record-service';
import { RecordService, valid } from '../common/record-service';
import type { EnterpriseService } from '../enterprises/enterprise.service';
import { BadUserInputError, FailedPreconditionError, type FieldError, ForbiddenError } from '../errors';
import type { ProjectRecord, ProjectService } from '../projects/project.service';
import type { RequestScope } from '../request-scope';
import type { ApprovalRecord } from './approval.model';
import type { ApprovalStore } from './approval.store';

type Approval = ApprovalRecord;

/** One stage of a project: its approvals, and the working days the stage took (so far). */
export interface ProjectStage {
  readonly stage: ApprovalStage;
  readonly approvals: readonly Approval[];
  readonly workingDays: number | null;
}

type Material = Approval['materials'][number];

/** Materials still owed: they block the licence. */
const OWED: readonly string[] = [MaterialStatus.OUTSTANDING, MaterialStatus.OVERDUE];

/** The states SUSPEND leaves (the machine's), for the sweeper. */
const SUSPENDABLE: readonly string[] = approvalMachine.transitions.filter((transition) => transition.action === ApprovalAction.SUSPEND).flatMap((transition) => transition.from);

/** The stages whose permits wait for the land contract. */
const PERMIT_STAGES: readonly string[] = [ApprovalStage.LAND_USE_PLANNING, ApprovalStage.ENGINEERING_PLANNING, ApprovalStage.CONSTRUCTION_PERMIT];

interface Dependencies {
  readonly projects: ProjectService;
  readonly enterprises: EnterpriseService;
  readonly calendar: CalendarService;
  /** Working days after a suspension within which supplied materials let the approval resume. */
  readonly graceWorkingDays: number;
  readonly scope: RequestScope;
}

/** Whether the project's land contract is signed by `today`. */
function landSigned(project: ProjectRecord, today: string): boolean {
  return project.landContractSignedOn !== null && project.landContractSignedOn <= today;
}

/** The rules of approvals and their fast tracks (docs/domain.md), for the generic record path. */
function approvalRules(deps: Dependencies): RecordRules<Approval> {
  const { scope } = deps;
  const today = () => shanghaiDate(scope.now());

  async function project(approval: Pick<Approval, 'projectId'>): Promise<ProjectRecord> {
    const found = await deps.projects.load(approval.projectId);
    if (!found) throw BadUserInputError.field('projectId', `There is no project with id ${approval.projectId}.`);
    return found;
  }

  /** The due dates from acceptance, with the pauses so far, and the calendar they were computed on. */
  async function dueDates(acceptedAt: string, approval: Approval, pauses: Approval['pauses'], now: Date) {
    const calendar = await deps.calendar.calendar();
    const limits = { promised: approval.promisedWorkingDays, statutory: approval.statutoryWorkingDays };
    const { dueOn, statutoryDueOn, provisional } = approvalDueDates(acceptedAt, limits, pauses, now.toISOString(), calendar);
    return { dueOn, statutoryDueOn, dueProvisional: provisional, calendarRevision: await deps.calendar.revision() };
  }

  const guardHolds = async (approval: Approval, guard: string): Promise<boolean> => {
    switch (guard) {
      case ApprovalGuard.enterpriseNotDishonest:
        return (await deps.enterprises.load(approval.enterpriseId))?.creditStatus !== CreditStatus.DISHONEST;
      case ApprovalGuard.noMaterialOutstanding:
        return !approval.materials.some((material) => OWED.includes(material.status));
      case ApprovalGuard.materialOverdue:
        return approval.acceptanceMode === AcceptanceMode.TOLERANT && approval.materials.some((material) => material.status === MaterialStatus.OVERDUE);
      case ApprovalGuard.suppliedWithinGrace: {
        if (approval.materials.some((material) => OWED.includes(material.status)) || !approval.suspendedAt) return false;
        const calendar = await deps.calendar.calendar();
        return today() <= calendar.addWorkingDays(shanghaiDay(approval.suspendedAt), deps.graceWorkingDays).date;
      }
      default:
        return false;
    }
  };

  const refusal = async (approval: Approval, action: string): Promise<string | undefined> => {
    if (action === ApprovalAction.ISSUE && PERMIT_STAGES.includes(approval.stage)) {
      const owner = await project(approval);
      if (!landSigned(owner, today())) {
        return `${approval.number}: permits are issued on or after the land contract is signed; ${owner.name} has ${owner.landContractSignedOn ? `it dated ${owner.landContractSignedOn}` : 'none yet'}.`;
      }
    }
    if (action === ApprovalAction.APPROVE && approval.stage === ApprovalStage.COMPLETION_ACCEPTANCE) {
      if (approval.checks.length === 0) return `${approval.number}: record the joint acceptance checks before approving.`;
      if (approval.checks.some((check) => check.result !== JointCheckResult.PASSED)) {
        return `${approval.number}: a joint check still requires rectification; record it passed before approving.`;
      }
    }
    return undefined;
  };

  const effectOf = async (before: Approval, action: string, fields: Readonly<Record<string, unknown>>, at: Date): Promise<Partial<Approval>> => {
    const now = at.toISOString();
    switch (action) {
      case ApprovalAction.ACCEPT: {
        const mode = (fields.mode as Approval['acceptanceMode'] | null) ?? AcceptanceMode.STANDARD;
        if (mode === AcceptanceMode.TOLERANT) throw BadUserInputError.field('mode', 'mode TOLERANT is taken with ACCEPT_TOLERANT, which records the materials owed.');
        if (mode === AcceptanceMode.COMMITMENT && !fields.commitment) {
          throw BadUserInputError.field('commitment', 'commitment is required for a COMMITMENT (告知承诺) acceptance.');
        }
        return { acceptedAt: now, acceptanceMode: mode, commitment: (fields.commitment as Approval['commitment']) ?? null, ...(await dueDates(now, before, [], at)) };
      }
      case ApprovalAction.ACCEPT_TOLERANT: {
        const owed = (fields.outstandingMaterials as { name: string; promisedBy: string }[] | null) ?? [];
        const due = await dueDates(now, before, [], at);
        const known = new Set(before.materials.map((material) => material.name));
        const problems: FieldError[] = [];
        owed.forEach((material, index) => {
          if (material.promisedBy > due.dueOn) {
            problems.push({ field: `outstandingMaterials.${index}.promisedBy`, message: `promisedBy must be on or before the promised due date ${due.dueOn}.` });
          }
          if (material.promisedBy < shanghaiDay(now)) problems.push({ field: `outstandingMaterials.${index}.promisedBy`, message: 'promisedBy cannot be in the past.' });
          if (known.has(material.name)) problems.push({ field: `outstandingMaterials.${index}.name`, message: `${material.name} is listed twice.` });
          known.add(material.name);
        });
        if (problems.length > 0) throw new BadUserInputError(problems);
        const added: Material[] = owed.map((material) => ({ name: material.name, status: MaterialStatus.OUTSTANDING, promisedBy: material.promisedBy, suppliedOn: null }));
        return { acceptedAt: now, acceptanceMode: AcceptanceMode.TOLERANT, commitment: fields.commitment as Approval['commitment'], materials: [...before.materials, ...added], ...due };
      }
      case ApprovalAction.PAUSE:
        return { pauses: [...before.pauses, { from: now, to: null, reason: fields.reason as Approval['pauses'][number]['reason'] }] };
      case ApprovalAction.RESUME: {
        const pauses = before.pauses.map((pause) => (pause.to === null ? { ...pause, to: now } : pause));
        return { pauses, suspendedAt: null, ...(before.acceptedAt ? await dueDates(before.acceptedAt, before, pauses, at) : {}) };
      }
      case ApprovalAction.SUSPEND:
        return suspension(before, now);
      case ApprovalAction.APPROVE:
      case ApprovalAction.REJECT:
      case ApprovalAction.TERMINATE:
        return { decidedAt: now };
      case ApprovalAction.ISSUE:
        return { issuedAt: now };
      default:
        return {};
    }
  };

  const settle = async (approval: Approval, before: Approval | undefined, at: Date): Promise<Approval> => {
    let settled = approval;
    if (!before) {
      const owner = await project(approval);
      settled = { ...settled, enterpriseId: owner.enterpriseId, stationId: owner.stationId, submittedAt: at.toISOString(), preReview: !landSigned(owner, shanghaiDate(at)) };
    }
    if (!before || before.submittedMaterials !== settled.submittedMaterials) {
      const provided: Material[] = settled.submittedMaterials.map(({ name }) => ({ name, status: MaterialStatus.PROVIDED, promisedBy: null, suppliedOn: null }));
      settled = { ...settled, materials: [...provided, ...settled.materials.filter((material) => material.status !== MaterialStatus.PROVIDED)] };
    }
    const promises = settled.materials.filter((material) => material.status === MaterialStatus.OUTSTANDING && material.promisedBy).map((material) => material.promisedBy!);
    const earliestPromisedBy = promises.length > 0 ? promises.sort()[0]! : null;
    const elapsed = settled.acceptedAt
      ? elapsedWorkingDays(settled.acceptedAt, settled.decidedAt ?? at.toISOString(), settled.pauses, await deps.calendar.calendar())
      : null;
    return { ...settled, earliestPromisedBy, elapsedWorkingDays: elapsed };
  };

  return {
    displayName: (approval) => approval.number,
    checkValues: async (values, before) => {
      const promised = values.promisedWorkingDays ?? before?.promisedWorkingDays;
      const statutory = values.statutoryWorkingDays ?? before?.statutoryWorkingDays;
      if (promised !== undefined && statutory !== undefined && promised > statutory) {
        throw BadUserInputError.field('promisedWorkingDays', `promisedWorkingDays must not exceed statutoryWorkingDays (${statutory}).`);
      }
      if (before || !values.projectId) return;
      const owner = await project({ projectId: values.projectId });
      if (!landSigned(owner, today())) {
        if (values.stage === ApprovalStage.COMPLETION_ACCEPTANCE) {
          throw new FailedPreconditionError(`${owner.name} has no signed land contract; joint acceptance comes after construction.`);
        }
        if (!owner.startUponLandAcquisition) {
          throw new FailedPreconditionError(`${owner.name} has no signed land contract; only 拿地即开工 projects may be pre-reviewed before it.`);
        }
      }
    },
    guardHolds,
    refusal,
    effectOf,
    settle,
  };
}

/** What a suspension (中止) records: when, and a stop of the clock while the materials are owed. */
function suspension(before: Approval, now: string): Partial<Approval> {
  return { suspendedAt: now, pauses: [...before.pauses, { from: now, to: null, reason: PauseReason.CORRECTION }] };
}

/**
 * Approvals: officers accept, review and decide; the applicant enterprise submits, corrects,
 * withdraws and supplies owed materials; station staff read their enterprises' approvals.
 */
export class ApprovalService extends RecordService<typeof approvalEntity, Approval> {
  private readonly dependencies: Dependencies;
  private readonly byProject = new Map<string, Promise<Approval[]>>();

  constructor(store: ApprovalStore, dependencies: Omit<Dependencies, 'scope'>, context: ServiceContext) {
    const complete = { ...dependencies, scope: context.scope };
    super(approvalEntity, store, context, approvalRules(complete));
    this.dependencies = complete;
  }

  /** A project's approvals are its enterprise's: read from that enterprise's partition. */
  override async list(filter: unknown, sort: string, paging: Paging): Promise<Page<Approval>> {
    const given = (filter ?? {}) as Record<string, unknown>;
    if (typeof given.projectId !== 'string' || given.enterpriseId) return super.list(filter, sort, paging);
    const project = await this.dependencies.projects.load(given.projectId);
    return super.list(project ? { ...given, enterpriseId: project.enterpriseId } : given, sort, paging);
  }

  /** Every approval of a project the viewer may see, oldest first; read once per request. */
  ofProject(projectId: string): Promise<Approval[]> {
    let approvals = this.byProject.get(projectId);
    if (!approvals) {
      approvals = this.readAll({ projectId });
      this.byProject.set(projectId, approvals);
    }
    return approvals;
  }

  /**
   * A project's stages in order, each with its approvals and the working days it took: its
   * approvals run in parallel (并联审批), so a stage takes as long as its longest one.
   */
  async stagesOf(projectId: string): Promise<ProjectStage[]> {
    const approvals = await this.ofProject(projectId);
    const stages: ProjectStage[] = [];
    for (const stage of Object.values(ApprovalStage)) {
      const ofStage = approvals.filter((approval) => approval.stage === stage);
      if (ofStage.length === 0) continue;
      const days = await Promise.all(ofStage.map((approval) => this.elapsed(approval)));
      const counted = days.filter((value): value is number => value !== null);
      stages.push({ stage, approvals: ofStage, workingDays: counted.length > 0 ? Math.max(...counted) : null });
    }
    return stages;
  }

  /** A project has tens of approvals, not thousands: read them page by page. */
  private async readAll(filter: Record<string, unknown>): Promise<Approval[]> {
    const approvals: Approval[] = [];
    let after: string | null = null;
    do {
      const page: Page<Approval> = await this.list(filter, 'SUBMITTED_ASC', { first: MAX_PAGE_SIZE, after });
      approvals.push(...page.nodes);
      after = page.hasNextPage ? (page.nodes.length > 0 ? page.cursor(page.nodes.length - 1) : page.continuation) : null;
    } while (after);
    return approvals;
  }

  /** Open on a running clock and past its promised due date, as of today. */
  overdue(approval: Approval): boolean {
    return CLOCKED_APPROVAL_STATES.includes(approval.status) && approval.dueOn !== null && shanghaiDate(this.context.scope.now()) > approval.dueOn;
  }

  /** Working days so far: up to the decision, or for an open approval up to today. */
  async elapsed(approval: Approval): Promise<number | null> {
    if (!approval.acceptedAt) return null;
    const until = approval.decidedAt ?? this.context.scope.now().toISOString();
    return elapsedWorkingDays(approval.acceptedAt, until, approval.pauses, await this.dependencies.calendar.calendar());
  }

  /** The applicant supplies owed materials; an officer may waive one instead. */
  supplyMaterials(command: { readonly id: string; readonly expectedVersion: number; readonly materials: unknown }): Promise<Approval> {
    return this.amend(command, 'supplyApprovalMaterials', [Role.ADMIN, Role.OFFICER, Role.ENTERPRISE], (before, at) => {
      const { materials: given } = valid(parseFields<ValueOfFields<typeof supplyMaterialsFields>>(supplyMaterialsFields, command, { mode: 'create', now: at }));
      const officer = this.context.scope.roles.some((role) => role === Role.ADMIN || role === Role.OFFICER);
      if (given.some((material) => material.waived) && !officer) throw new ForbiddenError('Only approval officers may waive a material.');
      const problems: FieldError[] = [];
      const materials = [...before.materials];
      given.forEach((supplied, index) => {
        const position = materials.findIndex((material) => material.name === supplied.name && OWED.includes(material.status));
        if (position < 0) {
          problems.push({ field: `materials.${index}.name`, message: `${before.number} owes no material named ${supplied.name}.` });
          return;
        }
        const status = supplied.waived ? MaterialStatus.WAIVED : MaterialStatus.SUPPLIED;
        materials[position] = { ...materials[position]!, status, suppliedOn: supplied.suppliedOn ?? shanghaiDate(at) };
      });
      if (problems.length > 0) throw new BadUserInputError(problems);
      return { materials };
    });
  }

  /** The departments' checks of a joint completion acceptance; `firstPass` is settled by the first record. */
  recordJointAcceptance(command: { readonly id: string; readonly expectedVersion: number; readonly checks: unknown }): Promise<Approval> {
    return this.amend(command, 'recordJointAcceptance', [Role.ADMIN, Role.OFFICER], (before, at) => {
      const { checks } = valid(parseFields<ValueOfFields<typeof jointAcceptanceFields>>(jointAcceptanceFields, command, { mode: 'create', now: at }));
      if (before.stage !== ApprovalStage.COMPLETION_ACCEPTANCE) {
        throw new FailedPreconditionError(`${before.number} is not a joint completion acceptance.`);
      }
      if (before.status !== ApprovalStatus.UNDER_REVIEW) {
        throw new FailedPreconditionError(`${before.number} is ${before.status}; joint checks are recorded while it is under review.`);
      }
      const types = checks.map((check) => check.type);
      if (new Set(types).size !== types.length) throw BadUserInputError.field('checks', 'checks must not repeat a check type.');
      const passed = checks.every((check) => check.result === JointCheckResult.PASSED);
      return { checks, firstPass: before.firstPass ?? passed };
    });
  }

  /**
   * The sweeper's part: materials past their promised date become OVERDUE, and their tolerant
   * approvals are suspended. Found on the index of approvals still owed a material, by the
   * earliest promise, so the work read is the work due. Idempotent: a swept approval no longer
   * owes a material past its date.
   */
  async sweepOverdueMaterials(): Promise<{ readonly materialsOverdue: number; readonly approvalsSuspended: number }> {
    const now = this.context.scope.now();
    const today = shanghaiDate(now);
    const lateCount = new Map<string, number>();
    const swept = await this.sweepDue({ order: 'OWED', before: today }, 'sweep', (approval) => {
      const late = approval.materials.filter((material) => material.status === MaterialStatus.OUTSTANDING && material.promisedBy !== null && material.promisedBy < today);
      if (late.length === 0) return null;
      lateCount.set(approval.id, late.length);
      const materials = approval.materials.map((material) => (late.includes(material) ? { ...material, status: MaterialStatus.OVERDUE } : material));
      const suspend = approval.acceptanceMode === AcceptanceMode.TOLERANT && SUSPENDABLE.includes(approval.status);
      return {
        changes: suspend ? { materials, status: ApprovalStatus.SUSPENDED, ...suspension(approval, now.toISOString()) } : { materials },
        audit: {
          transition: suspend ? ApprovalAction.SUSPEND : null,
          note: `Past their promised date: ${late.map((material) => material.name).join(', ')}.`,
        },
      };
    });
    const materialsOverdue = swept.reduce((sum, approval) => sum + (lateCount.get(approval.id) ?? 0), 0);
    return { materialsOverdue, approvalsSuspended: swept.filter((approval) => approval.status === ApprovalStatus.SUSPENDED).length };
  }
}
