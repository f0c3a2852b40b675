import { ApprovalAction, ApprovalStatus, Role } from '../enums';
import type { StateMachine } from '../state-machine';

/**
 * Conditions on an approval that some transitions need; the API evaluates them against the
 * record, its enterprise and its materials, and passes the answer to the machine functions.
 */
export const ApprovalGuard = {
  /** The applicant enterprise's credit status is not DISHONEST; 容缺受理 is refused otherwise. */
  enterpriseNotDishonest: 'enterpriseNotDishonest',
  /** No material is OUTSTANDING or OVERDUE, so the licence may be issued. */
  noMaterialOutstanding: 'noMaterialOutstanding',
  /** The item was accepted tolerantly and a material is OVERDUE (past its promisedBy date). */
  materialOverdue: 'materialOverdue',
  /** Every overdue material was supplied within the grace period after suspension (default 15 working days). */
  suppliedWithinGrace: 'suppliedWithinGrace',
} as const;
export type ApprovalGuard = (typeof ApprovalGuard)[keyof typeof ApprovalGuard];

const { ADMIN, ENTERPRISE, OFFICER } = Role;
const {
  SUBMITTED,
  ACCEPTED,
  ACCEPTED_TOLERANT,
  CORRECTION_REQUESTED,
  NOT_ACCEPTED,
  UNDER_REVIEW,
  PAUSED,
  APPROVED,
  REJECTED,
  ISSUED,
  SUSPENDED,
  TERMINATED,
  WITHDRAWN,
} = ApprovalStatus;

const OFFICERS = [ADMIN, OFFICER] as const;

/** The applicant may correct and withdraw its own application; deciding stays with officers. */
const OFFICERS_AND_APPLICANT = [ADMIN, OFFICER, ENTERPRISE] as const;

/**
 * One approval item of one stage of one project (docs/domain.md). The clock runs from
 * acceptance; PAUSED stops it, SUSPENDED waits for overdue 容缺 materials.
 */
export const approvalMachine: StateMachine<ApprovalStatus, ApprovalAction> = {
  name: 'Approval',
  initial: SUBMITTED,
  states: [
    SUBMITTED,
    ACCEPTED,
    ACCEPTED_TOLERANT,
    CORRECTION_REQUESTED,
    NOT_ACCEPTED,
    UNDER_REVIEW,
    PAUSED,
    APPROVED,
    REJECTED,
    ISSUED,
    SUSPENDED,
    TERMINATED,
    WITHDRAWN,
  ],
  final: [NOT_ACCEPTED, REJECTED, ISSUED, TERMINATED, WITHDRAWN],
  transitions: [
    {
      action: ApprovalAction.ACCEPT,
      from: [SUBMITTED],
      to: ACCEPTED,
      roles: OFFICERS,
      description: 'Materials complete; the promised deadline starts counting.',
    },
    {
      action: ApprovalAction.ACCEPT_TOLERANT,
      from: [SUBMITTED],
      to: ACCEPTED_TOLERANT,
      roles: OFFICERS,
      guard: ApprovalGuard.enterpriseNotDishonest,
      description: '容缺受理: accept with secondary materials promised by dates within the deadline.',
    },
    {
      action: ApprovalAction.REQUEST_CORRECTION,
      from: [SUBMITTED],
      to: CORRECTION_REQUESTED,
      roles: OFFICERS,
      description: 'Tell the applicant once, in full, what to correct (一次性告知).',
    },
    {
      action: ApprovalAction.REFUSE,
      from: [SUBMITTED],
      to: NOT_ACCEPTED,
      roles: OFFICERS,
    },
    {
      action: ApprovalAction.RESUBMIT,
      from: [CORRECTION_REQUESTED],
      to: SUBMITTED,
      roles: OFFICERS_AND_APPLICANT,
    },
    {
      action: ApprovalAction.START_REVIEW,
      from: [ACCEPTED, ACCEPTED_TOLERANT],
      to: UNDER_REVIEW,
      roles: OFFICERS,
    },
    {
      action: ApprovalAction.PAUSE,
      from: [UNDER_REVIEW],
      to: PAUSED,
      roles: OFFICERS,
      description: 'Stop the clock for a hearing, expert review, site survey or correction.',
    },
    {
      action: ApprovalAction.RESUME,
      from: [PAUSED],
      to: UNDER_REVIEW,
      roles: OFFICERS,
    },
    {
      action: ApprovalAction.RESUME,
      from: [SUSPENDED],
      to: UNDER_REVIEW,
      roles: OFFICERS,
      guard: ApprovalGuard.suppliedWithinGrace,
      description: 'The overdue materials arrived within the grace period.',
    },
    {
      action: ApprovalAction.APPROVE,
      from: [UNDER_REVIEW],
      to: APPROVED,
      roles: OFFICERS,
    },
    {
      action: ApprovalAction.REJECT,
      from: [UNDER_REVIEW],
      to: REJECTED,
      roles: OFFICERS,
    },
    {
      action: ApprovalAction.ISSUE,
      from: [APPROVED],
      to: ISSUED,
      roles: OFFICERS,
      guard: ApprovalGuard.noMaterialOutstanding,
      description: 'Issue the licence; a tolerant item must have every promised material first.',
    },
    {
      action: ApprovalAction.SUSPEND,
      // Every state a tolerant item can be in while a material is still owed.
      from: [ACCEPTED_TOLERANT, UNDER_REVIEW, PAUSED, APPROVED],
      to: SUSPENDED,
      roles: OFFICERS,
      guard: ApprovalGuard.materialOverdue,
      description: 'A promised material is overdue; the sweeper does this automatically.',
    },
    {
      action: ApprovalAction.TERMINATE,
      from: [SUSPENDED],
      to: TERMINATED,
      roles: OFFICERS,
      description: 'The materials did not arrive within the grace period.',
    },
    {
      action: ApprovalAction.WITHDRAW,
      from: [
        SUBMITTED,
        ACCEPTED,
        ACCEPTED_TOLERANT,
        CORRECTION_REQUESTED,
        UNDER_REVIEW,
        PAUSED,
        APPROVED,
        SUSPENDED,
      ],
      to: WITHDRAWN,
      roles: OFFICERS_AND_APPLICANT,
    },
  ],
};
