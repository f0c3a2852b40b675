import { Role, ServiceRequestAction, ServiceRequestStatus } from '../enums';
import { type StateMachine, selfTransitions } from '../state-machine';

/**
 * Conditions on a service request that some transitions need; the API evaluates them against
 * the record (and its configuration) and passes the answer to the machine functions.
 */
export const ServiceRequestGuard = {
  /** The request did not come through the 12345 hotline, so it may be handled on the spot. */
  notHotlineTicket: 'notHotlineTicket',
  /**
   * The latest callback reached the requester with a rating of BASIC or better, or the
   * configured number of callback attempts all failed to reach them.
   */
  callbackSatisfiedOrUnreachable: 'callbackSatisfiedOrUnreachable',
  /** The latest callback reached the requester, who was dissatisfied and whose issue is unresolved. */
  callbackDissatisfiedAndUnresolved: 'callbackDissatisfiedAndUnresolved',
  /** The requester can be called back: there is a phone and they did not ask for anonymity. */
  requesterReachable: 'requesterReachable',
  /** Supervision is below its top level (提级督办), so it can still be raised. */
  escalationBelowTop: 'escalationBelowTop',
} as const;
export type ServiceRequestGuard = (typeof ServiceRequestGuard)[keyof typeof ServiceRequestGuard];

const { ADMIN, OFFICER, OPERATOR, STAFF } = Role;
const {
  RECEIVED,
  DISPATCHED,
  SIGNED,
  IN_PROGRESS,
  REPLIED,
  CLOSED,
  RETURNED,
  REOPENED,
  INVALID,
} = ServiceRequestStatus;

/**
 * Who runs a request from the front: the hotline (OPERATOR) for 12345 tickets, station staff for
 * their stations' requests, administrators for all. Which records each may touch is row scope,
 * checked by the API, not here.
 */
const COORDINATORS = [ADMIN, OPERATOR, STAFF] as const;

/**
 * Who works a request once dispatched to a unit: the coordinators, plus approval officers when
 * the unit is the project-approval team (PROJECT_APPROVAL requests are scoped to them by the API).
 */
const HANDLERS = [ADMIN, OPERATOR, STAFF, OFFICER] as const;

const NON_FINAL = [RECEIVED, DISPATCHED, SIGNED, IN_PROGRESS, REPLIED, RETURNED, REOPENED] as const;

/**
 * One machine for station services, on-site visits and 12345 tickets (docs/domain.md).
 * Self-transitions (CALLBACK, EXTEND, ESCALATE) keep the status but are actions all the same,
 * so they are audited and offered through `availableActions`.
 */
export const serviceRequestMachine: StateMachine<ServiceRequestStatus, ServiceRequestAction> = {
  name: 'ServiceRequest',
  initial: RECEIVED,
  states: [RECEIVED, DISPATCHED, SIGNED, IN_PROGRESS, REPLIED, CLOSED, RETURNED, REOPENED, INVALID],
  final: [CLOSED, INVALID],
  transitions: [
    {
      action: ServiceRequestAction.DISPATCH,
      from: [RECEIVED, RETURNED],
      to: DISPATCHED,
      roles: COORDINATORS,
      description: 'Send to the responsible unit; a returned request is dispatched again.',
    },
    {
      action: ServiceRequestAction.SIGN,
      from: [DISPATCHED],
      to: SIGNED,
      roles: HANDLERS,
      description: 'The unit acknowledges the request; for hotline tickets the deadline counts from here.',
    },
    {
      action: ServiceRequestAction.RETURN,
      from: [DISPATCHED],
      to: RETURNED,
      roles: HANDLERS,
      description: 'The unit declines the request as not its business (退单).',
    },
    {
      action: ServiceRequestAction.START,
      from: [SIGNED, REOPENED],
      to: IN_PROGRESS,
      roles: HANDLERS,
    },
    {
      action: ServiceRequestAction.START,
      from: [RECEIVED],
      to: IN_PROGRESS,
      roles: [ADMIN, STAFF],
      guard: ServiceRequestGuard.notHotlineTicket,
      description: 'Handled on the spot at a station or visit; hotline tickets must go through dispatch.',
    },
    {
      action: ServiceRequestAction.REPLY,
      from: [IN_PROGRESS],
      to: REPLIED,
      roles: HANDLERS,
    },
    {
      action: ServiceRequestAction.REPLY,
      from: [RECEIVED],
      to: REPLIED,
      roles: COORDINATORS,
      description: 'Answered directly, e.g. a consultation settled during the call.',
    },
    ...selfTransitions(ServiceRequestAction.CALLBACK, [REPLIED], {
      roles: COORDINATORS,
      guard: ServiceRequestGuard.requesterReachable,
      description: 'Record a callback attempt (回访): reached or not, rating, resolved.',
    }),
    {
      action: ServiceRequestAction.REOPEN,
      from: [REPLIED],
      to: REOPENED,
      roles: COORDINATORS,
      guard: ServiceRequestGuard.callbackDissatisfiedAndUnresolved,
      description: 'Send back for rework (发回重办); three reopens escalate the request.',
    },
    {
      action: ServiceRequestAction.CLOSE,
      from: [REPLIED],
      to: CLOSED,
      roles: COORDINATORS,
      guard: ServiceRequestGuard.callbackSatisfiedOrUnreachable,
    },
    {
      action: ServiceRequestAction.INVALIDATE,
      from: [RECEIVED],
      to: INVALID,
      roles: COORDINATORS,
      description: 'Not a real request: duplicate, prank, wrong number.',
    },
    ...selfTransitions(ServiceRequestAction.EXTEND, [SIGNED, IN_PROGRESS, REOPENED], {
      roles: COORDINATORS,
      description: 'Grant more working days (延期).',
    }),
    ...selfTransitions(ServiceRequestAction.ESCALATE, NON_FINAL, {
      roles: COORDINATORS,
      guard: ServiceRequestGuard.escalationBelowTop,
      description: 'Raise supervision one level (催办 → 督办 → 提级督办).',
    }),
  ],
};
