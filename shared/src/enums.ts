/**
 * The domain's enumerations (docs/domain.md, docs/access.md).
 *
 * Each enum is a frozen-at-compile-time object whose keys equal its values plus a type of the
 * same name, so `Role.ADMIN` reads like an enum member, the value is the plain string that goes
 * over GraphQL and into DynamoDB, and `Object.values(Role)` lists the members in a stable order.
 */

/** Who a user is (docs/access.md); Cognito groups carry the same names. */
export const Role = {
  ADMIN: 'ADMIN',
  OFFICER: 'OFFICER',
  STAFF: 'STAFF',
  OPERATOR: 'OPERATOR',
  VIEWER: 'VIEWER',
  ENTERPRISE: 'ENTERPRISE',
} as const;
export type Role = (typeof Role)[keyof typeof Role];

/** Lifecycle of a service station: ACTIVE ⇄ SUSPENDED, either → CLOSED (final). */
export const StationStatus = {
  ACTIVE: 'ACTIVE',
  SUSPENDED: 'SUSPENDED',
  CLOSED: 'CLOSED',
} as const;
export type StationStatus = (typeof StationStatus)[keyof typeof StationStatus];

/** Actions that move a station between its statuses. */
export const StationAction = {
  SUSPEND: 'SUSPEND',
  RESUME: 'RESUME',
  CLOSE: 'CLOSE',
} as const;
export type StationAction = (typeof StationAction)[keyof typeof StationAction];

/** Whether an enterprise is still served by the park. */
export const EnterpriseStatus = {
  ACTIVE: 'ACTIVE',
  MOVED_OUT: 'MOVED_OUT',
  DEREGISTERED: 'DEREGISTERED',
} as const;
export type EnterpriseStatus = (typeof EnterpriseStatus)[keyof typeof EnterpriseStatus];

/** Actions that move an enterprise between its statuses. */
export const EnterpriseAction = {
  MOVE_OUT: 'MOVE_OUT',
  MOVE_BACK: 'MOVE_BACK',
  DEREGISTER: 'DEREGISTER',
} as const;
export type EnterpriseAction = (typeof EnterpriseAction)[keyof typeof EnterpriseAction];

/**
 * Kind of market entity, derived from the 1st and 2nd characters of its Unified Social Credit
 * Code (see `entityTypeOfCreditCode`).
 */
export const EntityType = {
  ENTERPRISE: 'ENTERPRISE',
  INDIVIDUAL_BUSINESS: 'INDIVIDUAL_BUSINESS',
  FARMERS_COOPERATIVE: 'FARMERS_COOPERATIVE',
  INSTITUTION: 'INSTITUTION',
  SOCIAL_ORGANIZATION: 'SOCIAL_ORGANIZATION',
  OTHER: 'OTHER',
} as const;
export type EntityType = (typeof EntityType)[keyof typeof EntityType];

/** Recognitions an enterprise may hold; an enterprise carries any number of them. */
export const EnterpriseTag = {
  LITTLE_GIANT: 'LITTLE_GIANT',
  SPECIALIZED_SME: 'SPECIALIZED_SME',
  HIGH_TECH: 'HIGH_TECH',
  ABOVE_SCALE: 'ABOVE_SCALE',
  KEY_PROJECT: 'KEY_PROJECT',
} as const;
export type EnterpriseTag = (typeof EnterpriseTag)[keyof typeof EnterpriseTag];

/** Credit standing; a DISHONEST enterprise may not use tolerant acceptance (容缺受理). */
export const CreditStatus = {
  NORMAL: 'NORMAL',
  DISHONEST: 'DISHONEST',
} as const;
export type CreditStatus = (typeof CreditStatus)[keyof typeof CreditStatus];

/** What a service request is about; stations offer a subset of these. */
export const ServiceCategory = {
  BUSINESS_REGISTRATION: 'BUSINESS_REGISTRATION',
  EMPLOYMENT: 'EMPLOYMENT',
  SOCIAL_INSURANCE: 'SOCIAL_INSURANCE',
  TALENT: 'TALENT',
  FINANCING: 'FINANCING',
  PROJECT_APPROVAL: 'PROJECT_APPROVAL',
  POLICY: 'POLICY',
  CONSULTATION: 'CONSULTATION',
  OTHER: 'OTHER',
} as const;
export type ServiceCategory = (typeof ServiceCategory)[keyof typeof ServiceCategory];

/** How a service request reached us. */
export const ServiceChannel = {
  STATION: 'STATION',
  ONSITE: 'ONSITE',
  HOTLINE: 'HOTLINE',
  ONLINE: 'ONLINE',
} as const;
export type ServiceChannel = (typeof ServiceChannel)[keyof typeof ServiceChannel];

/** The nature of a request, as the 12345 platform classifies appeals. */
export const AppealType = {
  CONSULT: 'CONSULT',
  HELP: 'HELP',
  COMPLAINT: 'COMPLAINT',
  REPORT: 'REPORT',
  SUGGESTION: 'SUGGESTION',
  PRAISE: 'PRAISE',
  OTHER: 'OTHER',
} as const;
export type AppealType = (typeof AppealType)[keyof typeof AppealType];

/** States of the service request machine (see `serviceRequestMachine`). */
export const ServiceRequestStatus = {
  RECEIVED: 'RECEIVED',
  DISPATCHED: 'DISPATCHED',
  SIGNED: 'SIGNED',
  IN_PROGRESS: 'IN_PROGRESS',
  REPLIED: 'REPLIED',
  CLOSED: 'CLOSED',
  RETURNED: 'RETURNED',
  REOPENED: 'REOPENED',
  INVALID: 'INVALID',
} as const;
export type ServiceRequestStatus = (typeof ServiceRequestStatus)[keyof typeof ServiceRequestStatus];

/** Actions of the service request machine (`transitionServiceRequest`). */
export const ServiceRequestAction = {
  DISPATCH: 'DISPATCH',
  SIGN: 'SIGN',
  RETURN: 'RETURN',
  START: 'START',
  REPLY: 'REPLY',
  CALLBACK: 'CALLBACK',
  REOPEN: 'REOPEN',
  CLOSE: 'CLOSE',
  INVALIDATE: 'INVALIDATE',
  EXTEND: 'EXTEND',
  ESCALATE: 'ESCALATE',
} as const;
export type ServiceRequestAction = (typeof ServiceRequestAction)[keyof typeof ServiceRequestAction];

/** Supervision level of a service request (催办 → 督办 → 提级督办). */
export const Escalation = {
  NONE: 'NONE',
  REMINDED: 'REMINDED',
  SUPERVISED: 'SUPERVISED',
  ESCALATED: 'ESCALATED',
} as const;
export type Escalation = (typeof Escalation)[keyof typeof Escalation];

/** The requester's rating at the callback, best first. */
export const CallbackRating = {
  VERY_SATISFIED: 'VERY_SATISFIED',
  SATISFIED: 'SATISFIED',
  BASIC: 'BASIC',
  DISSATISFIED: 'DISSATISFIED',
  VERY_DISSATISFIED: 'VERY_DISSATISFIED',
} as const;
export type CallbackRating = (typeof CallbackRating)[keyof typeof CallbackRating];

/** Who funds a construction project. */
export const InvestmentType = {
  GOVERNMENT: 'GOVERNMENT',
  SOCIAL: 'SOCIAL',
} as const;
export type InvestmentType = (typeof InvestmentType)[keyof typeof InvestmentType];

/** Progress of a construction project. */
export const ProjectStatus = {
  PLANNING: 'PLANNING',
  UNDER_APPROVAL: 'UNDER_APPROVAL',
  UNDER_CONSTRUCTION: 'UNDER_CONSTRUCTION',
  COMPLETED: 'COMPLETED',
} as const;
export type ProjectStatus = (typeof ProjectStatus)[keyof typeof ProjectStatus];

/** Actions that move a project along: into approval, into construction, to completion. */
export const ProjectAction = {
  START_APPROVAL: 'START_APPROVAL',
  START_CONSTRUCTION: 'START_CONSTRUCTION',
  COMPLETE: 'COMPLETE',
} as const;
export type ProjectAction = (typeof ProjectAction)[keyof typeof ProjectAction];

/** Stage of the construction-project approval process an approval item belongs to. */
export const ApprovalStage = {
  LAND_USE_PLANNING: 'LAND_USE_PLANNING',
  ENGINEERING_PLANNING: 'ENGINEERING_PLANNING',
  CONSTRUCTION_PERMIT: 'CONSTRUCTION_PERMIT',
  COMPLETION_ACCEPTANCE: 'COMPLETION_ACCEPTANCE',
} as const;
export type ApprovalStage = (typeof ApprovalStage)[keyof typeof ApprovalStage];

/** How an application was accepted: complete, with materials to follow (容缺), or on a pledge. */
export const AcceptanceMode = {
  STANDARD: 'STANDARD',
  TOLERANT: 'TOLERANT',
  COMMITMENT: 'COMMITMENT',
} as const;
export type AcceptanceMode = (typeof AcceptanceMode)[keyof typeof AcceptanceMode];

/** State of one application material; OUTSTANDING and OVERDUE block issuing. */
export const MaterialStatus = {
  PROVIDED: 'PROVIDED',
  OUTSTANDING: 'OUTSTANDING',
  SUPPLIED: 'SUPPLIED',
  WAIVED: 'WAIVED',
  OVERDUE: 'OVERDUE',
} as const;
export type MaterialStatus = (typeof MaterialStatus)[keyof typeof MaterialStatus];

/** Why the clock of an approval was stopped; paused days do not count as elapsed. */
export const PauseReason = {
  HEARING: 'HEARING',
  EXPERT_REVIEW: 'EXPERT_REVIEW',
  SITE_SURVEY: 'SITE_SURVEY',
  CORRECTION: 'CORRECTION',
} as const;
export type PauseReason = (typeof PauseReason)[keyof typeof PauseReason];

/** States of the approval machine (see `approvalMachine`). */
export const ApprovalStatus = {
  SUBMITTED: 'SUBMITTED',
  ACCEPTED: 'ACCEPTED',
  ACCEPTED_TOLERANT: 'ACCEPTED_TOLERANT',
  CORRECTION_REQUESTED: 'CORRECTION_REQUESTED',
  NOT_ACCEPTED: 'NOT_ACCEPTED',
  UNDER_REVIEW: 'UNDER_REVIEW',
  PAUSED: 'PAUSED',
  APPROVED: 'APPROVED',
  REJECTED: 'REJECTED',
  ISSUED: 'ISSUED',
  SUSPENDED: 'SUSPENDED',
  TERMINATED: 'TERMINATED',
  WITHDRAWN: 'WITHDRAWN',
} as const;
export type ApprovalStatus = (typeof ApprovalStatus)[keyof typeof ApprovalStatus];

/** Actions of the approval machine (`transitionApproval`). */
export const ApprovalAction = {
  ACCEPT: 'ACCEPT',
  ACCEPT_TOLERANT: 'ACCEPT_TOLERANT',
  REQUEST_CORRECTION: 'REQUEST_CORRECTION',
  REFUSE: 'REFUSE',
  RESUBMIT: 'RESUBMIT',
  START_REVIEW: 'START_REVIEW',
  PAUSE: 'PAUSE',
  RESUME: 'RESUME',
  APPROVE: 'APPROVE',
  REJECT: 'REJECT',
  ISSUE: 'ISSUE',
  SUSPEND: 'SUSPEND',
  TERMINATE: 'TERMINATE',
  WITHDRAW: 'WITHDRAW',
} as const;
export type ApprovalAction = (typeof ApprovalAction)[keyof typeof ApprovalAction];

/** The departmental checks of a joint completion acceptance (联合验收). */
export const JointCheckType = {
  PLANNING: 'PLANNING',
  LAND: 'LAND',
  FIRE: 'FIRE',
  CIVIL_AIR_DEFENSE: 'CIVIL_AIR_DEFENSE',
  ARCHIVES: 'ARCHIVES',
  QUALITY: 'QUALITY',
} as const;
export type JointCheckType = (typeof JointCheckType)[keyof typeof JointCheckType];

/** Outcome of one joint-acceptance check. */
export const JointCheckResult = {
  PASSED: 'PASSED',
  RECTIFY: 'RECTIFY',
} as const;
export type JointCheckResult = (typeof JointCheckResult)[keyof typeof JointCheckResult];

/** What an administrator's calendar override declares a date to be. */
export const CalendarDayKind = {
  WORKDAY: 'WORKDAY',
  HOLIDAY: 'HOLIDAY',
} as const;
export type CalendarDayKind = (typeof CalendarDayKind)[keyof typeof CalendarDayKind];

/**
 * Every enum, keyed by its name, so the API can register them all as GraphQL enums and the
 * console can build choices from them without listing them again.
 */
export const enums = {
  Role,
  StationStatus,
  StationAction,
  EnterpriseStatus,
  EnterpriseAction,
  EntityType,
  EnterpriseTag,
  CreditStatus,
  ServiceCategory,
  ServiceChannel,
  AppealType,
  ServiceRequestStatus,
  ServiceRequestAction,
  Escalation,
  CallbackRating,
  InvestmentType,
  ProjectStatus,
  ProjectAction,
  ApprovalStage,
  AcceptanceMode,
  MaterialStatus,
  PauseReason,
  ApprovalStatus,
  ApprovalAction,
  JointCheckType,
  JointCheckResult,
  CalendarDayKind,
} as const;

/** Name of an enum in the `enums` registry. */
export type EnumName = keyof typeof enums;

/** The values of the enum called `E`. */
export type EnumValue<E extends EnumName> = Extract<(typeof enums)[E][keyof (typeof enums)[E]], string>;

/** Whether `value` is a member of the enum called `enumName` (for untrusted input). */
export function isEnumValue<E extends EnumName>(enumName: E, value: unknown): value is EnumValue<E> {
  return typeof value === 'string' && Object.hasOwn(enums[enumName], value);
}
