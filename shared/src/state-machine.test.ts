import { describe, expect, it } from 'vitest';
import {
  ApprovalAction,
  ApprovalStatus,
  EnterpriseAction,
  EnterpriseStatus,
  ProjectAction,
  ProjectStatus,
  Role,
  ServiceRequestAction,
  ServiceRequestStatus,
  StationAction,
  StationStatus,
} from './enums';
import {
  ApprovalGuard,
  approvalMachine,
  enterpriseMachine,
  projectMachine,
  ServiceRequestGuard,
  serviceRequestMachine,
  stationMachine,
} from './machines';
import {
  availableActions,
  findTransition,
  type GuardPredicate,
  isFinal,
  isSelfTransition,
  type StateMachine,
  transitionBetween,
} from './state-machine';

interface MachineCase {
  machine: StateMachine<string, string>;
  statuses: Readonly<Record<string, string>>;
  actions: Readonly<Record<string, string>>;
  guards: Readonly<Record<string, string>>;
}

const machineCases: readonly MachineCase[] = [
  { machine: stationMachine, statuses: StationStatus, actions: StationAction, guards: {} },
  { machine: enterpriseMachine, statuses: EnterpriseStatus, actions: EnterpriseAction, guards: {} },
  { machine: serviceRequestMachine, statuses: ServiceRequestStatus, actions: ServiceRequestAction, guards: ServiceRequestGuard },
  { machine: approvalMachine, statuses: ApprovalStatus, actions: ApprovalAction, guards: ApprovalGuard },
  { machine: projectMachine, statuses: ProjectStatus, actions: ProjectAction, guards: {} },
];

const allRoles = Object.values(Role);

function onlyGuards(...holding: string[]): GuardPredicate {
  return (guard) => holding.includes(guard);
}

function reachableFromInitial(machine: StateMachine<string, string>): Set<string> {
  const reached = new Set<string>([machine.initial]);
  const queue = [machine.initial];
  for (let state = queue.shift(); state !== undefined; state = queue.shift()) {
    for (const transition of machine.transitions) {
      if (transition.from.includes(state) && !reached.has(transition.to)) {
        reached.add(transition.to);
        queue.push(transition.to);
      }
    }
  }
  return reached;
}

describe.each(machineCases)('the $machine.name machine table', ({ machine, statuses, actions, guards }) => {
  it('declares exactly the states of its status enum, initial and finals among them', () => {
    expect([...machine.states].sort()).toEqual(Object.values(statuses).sort());
    expect(machine.states).toContain(machine.initial);
    for (const state of machine.final) expect(machine.states).toContain(state);
  });

  it('uses only declared states in transitions', () => {
    for (const transition of machine.transitions) {
      expect(transition.from.length, transition.action).toBeGreaterThan(0);
      for (const from of transition.from) expect(machine.states, transition.action).toContain(from);
      expect(machine.states, transition.action).toContain(transition.to);
    }
  });

  it('leaves no final state by any transition', () => {
    for (const state of machine.final) {
      const leaving = machine.transitions.filter((transition) => transition.from.includes(state));
      expect(leaving, state).toEqual([]);
    }
  });

  it('reaches every state from the initial one', () => {
    expect([...reachableFromInitial(machine)].sort()).toEqual([...machine.states].sort());
  });

  it('lets every non-final state be left', () => {
    for (const state of machine.states.filter((candidate) => !isFinal(machine, candidate))) {
      const leaving = machine.transitions.filter(
        (transition) => transition.from.includes(state) && !isSelfTransition(transition),
      );
      expect(leaving.length, state).toBeGreaterThan(0);
    }
  });

  it('uses every action of its action enum and no other', () => {
    const used = new Set(machine.transitions.map((transition) => transition.action));
    expect([...used].sort()).toEqual(Object.values(actions).sort());
  });

  it('names only guards its file exports', () => {
    for (const transition of machine.transitions) {
      if (transition.guard !== undefined) expect(Object.values(guards), transition.action).toContain(transition.guard);
    }
  });

  it('gives every transition at least one role, and only known roles', () => {
    for (const transition of machine.transitions) {
      expect(transition.roles.length, transition.action).toBeGreaterThan(0);
      for (const role of transition.roles) expect(allRoles).toContain(role);
    }
  });

  it('offers a VIEWER nothing in any state', () => {
    for (const state of machine.states) {
      expect(availableActions(machine, state, [Role.VIEWER]), state).toEqual([]);
    }
  });

  it('offers an ADMIN an action in every non-final state and none in a final one', () => {
    for (const state of machine.states) {
      const actionsOffered = availableActions(machine, state, [Role.ADMIN]);
      if (isFinal(machine, state)) expect(actionsOffered, state).toEqual([]);
      else expect(actionsOffered.length, state).toBeGreaterThan(0);
    }
  });
});

describe('availableActions', () => {
  it('offers an OPERATOR on a received hotline ticket dispatch, reply, invalidate and escalate, but not start', () => {
    const hotlineTicket = onlyGuards(ServiceRequestGuard.escalationBelowTop);

    const actions = availableActions(serviceRequestMachine, ServiceRequestStatus.RECEIVED, [Role.OPERATOR], hotlineTicket);

    expect(actions).toEqual([
      ServiceRequestAction.DISPATCH,
      ServiceRequestAction.REPLY,
      ServiceRequestAction.INVALIDATE,
      ServiceRequestAction.ESCALATE,
    ]);
  });

  it('offers station staff on-the-spot handling of a station request but not of a hotline ticket', () => {
    const stationRequest = onlyGuards(ServiceRequestGuard.notHotlineTicket);
    const hotlineTicket = onlyGuards();

    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.RECEIVED, [Role.STAFF], stationRequest)).toContain(
      ServiceRequestAction.START,
    );
    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.RECEIVED, [Role.STAFF], hotlineTicket)).not.toContain(
      ServiceRequestAction.START,
    );
  });

  it('offers an OFFICER signing, returning, handling and replying but not dispatching or closing', () => {
    const officer = [Role.OFFICER];

    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.RECEIVED, officer)).toEqual([]);
    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.DISPATCHED, officer)).toEqual([
      ServiceRequestAction.SIGN,
      ServiceRequestAction.RETURN,
    ]);
    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.SIGNED, officer)).toEqual([ServiceRequestAction.START]);
    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.IN_PROGRESS, officer)).toEqual([ServiceRequestAction.REPLY]);
    expect(availableActions(serviceRequestMachine, ServiceRequestStatus.REPLIED, officer)).toEqual([]);
  });

  it('offers close or reopen on a replied request according to the callback', () => {
    const operator = [Role.OPERATOR];
    const replied = ServiceRequestStatus.REPLIED;

    const { escalationBelowTop, requesterReachable } = ServiceRequestGuard;
    const beforeCallback = availableActions(serviceRequestMachine, replied, operator, onlyGuards(requesterReachable, escalationBelowTop));
    const satisfied = availableActions(serviceRequestMachine, replied, operator, onlyGuards(ServiceRequestGuard.callbackSatisfiedOrUnreachable, requesterReachable, escalationBelowTop));
    const dissatisfied = availableActions(serviceRequestMachine, replied, operator, onlyGuards(ServiceRequestGuard.callbackDissatisfiedAndUnresolved, requesterReachable, escalationBelowTop));
    const atTheTop = availableActions(serviceRequestMachine, replied, operator, onlyGuards(requesterReachable));
    const anonymous = availableActions(serviceRequestMachine, replied, operator, onlyGuards(ServiceRequestGuard.callbackSatisfiedOrUnreachable));

    expect(beforeCallback).toEqual([ServiceRequestAction.CALLBACK, ServiceRequestAction.ESCALATE]);
    expect(satisfied).toEqual([ServiceRequestAction.CALLBACK, ServiceRequestAction.CLOSE, ServiceRequestAction.ESCALATE]);
    expect(dissatisfied).toEqual([ServiceRequestAction.CALLBACK, ServiceRequestAction.REOPEN, ServiceRequestAction.ESCALATE]);
    expect(atTheTop).toEqual([ServiceRequestAction.CALLBACK]);
    expect(anonymous).toEqual([ServiceRequestAction.CLOSE]);
  });

  it('lists an action once even when several transitions offer it', () => {
    const actions = availableActions(serviceRequestMachine, ServiceRequestStatus.IN_PROGRESS, [Role.ADMIN, Role.OPERATOR, Role.STAFF]);

    expect(actions).toEqual([ServiceRequestAction.REPLY, ServiceRequestAction.EXTEND, ServiceRequestAction.ESCALATE]);
  });

  it('hides tolerant acceptance when the enterprise is dishonest', () => {
    const dishonest = onlyGuards();
    const honest = onlyGuards(ApprovalGuard.enterpriseNotDishonest);

    expect(availableActions(approvalMachine, ApprovalStatus.SUBMITTED, [Role.OFFICER], dishonest)).toEqual([
      ApprovalAction.ACCEPT,
      ApprovalAction.REQUEST_CORRECTION,
      ApprovalAction.REFUSE,
      ApprovalAction.WITHDRAW,
    ]);
    expect(availableActions(approvalMachine, ApprovalStatus.SUBMITTED, [Role.OFFICER], honest)).toContain(ApprovalAction.ACCEPT_TOLERANT);
  });

  it('offers the ENTERPRISE withdrawal on every non-final approval and nothing on a final one', () => {
    for (const state of approvalMachine.states) {
      const actions = availableActions(approvalMachine, state, [Role.ENTERPRISE]);
      if (isFinal(approvalMachine, state)) expect(actions, state).toEqual([]);
      else expect(actions, state).toContain(ApprovalAction.WITHDRAW);
    }
  });

  it('offers the ENTERPRISE resubmission after a correction request but never a decision', () => {
    expect(availableActions(approvalMachine, ApprovalStatus.CORRECTION_REQUESTED, [Role.ENTERPRISE])).toEqual([
      ApprovalAction.RESUBMIT,
      ApprovalAction.WITHDRAW,
    ]);
    expect(availableActions(approvalMachine, ApprovalStatus.UNDER_REVIEW, [Role.ENTERPRISE])).toEqual([ApprovalAction.WITHDRAW]);
  });

  it('holds back issuing while a material is outstanding and offers suspension once one is overdue', () => {
    const owing = availableActions(approvalMachine, ApprovalStatus.APPROVED, [Role.OFFICER], onlyGuards());
    const overdue = availableActions(approvalMachine, ApprovalStatus.APPROVED, [Role.OFFICER], onlyGuards(ApprovalGuard.materialOverdue));
    const complete = availableActions(approvalMachine, ApprovalStatus.APPROVED, [Role.OFFICER], onlyGuards(ApprovalGuard.noMaterialOutstanding));

    expect(owing).toEqual([ApprovalAction.WITHDRAW]);
    expect(overdue).toEqual([ApprovalAction.SUSPEND, ApprovalAction.WITHDRAW]);
    expect(complete).toEqual([ApprovalAction.ISSUE, ApprovalAction.WITHDRAW]);
  });

  it('combines the actions of several roles', () => {
    const actions = availableActions(approvalMachine, ApprovalStatus.CORRECTION_REQUESTED, [Role.VIEWER, Role.OFFICER]);

    expect(actions).toEqual([ApprovalAction.RESUBMIT, ApprovalAction.WITHDRAW]);
  });

  it('restricts station changes to administrators and enterprise changes to administrators and staff', () => {
    expect(availableActions(stationMachine, StationStatus.ACTIVE, [Role.STAFF, Role.OFFICER, Role.OPERATOR])).toEqual([]);
    expect(availableActions(stationMachine, StationStatus.ACTIVE, [Role.ADMIN])).toEqual([StationAction.SUSPEND, StationAction.CLOSE]);
    expect(availableActions(enterpriseMachine, EnterpriseStatus.MOVED_OUT, [Role.STAFF])).toEqual([
      EnterpriseAction.MOVE_BACK,
      EnterpriseAction.DEREGISTER,
    ]);
    expect(availableActions(enterpriseMachine, EnterpriseStatus.ACTIVE, [Role.ENTERPRISE])).toEqual([]);
  });
});

describe('findTransition', () => {
  it('finds where an action leads from a state', () => {
    const transition = findTransition(approvalMachine, ApprovalStatus.PAUSED, ApprovalAction.RESUME);

    expect(transition?.to).toBe(ApprovalStatus.UNDER_REVIEW);
  });

  it('resumes a suspended approval only when the materials came within the grace period', () => {
    const late = findTransition(approvalMachine, ApprovalStatus.SUSPENDED, ApprovalAction.RESUME, onlyGuards());
    const inTime = findTransition(
      approvalMachine,
      ApprovalStatus.SUSPENDED,
      ApprovalAction.RESUME,
      onlyGuards(ApprovalGuard.suppliedWithinGrace),
    );

    expect(late).toBeUndefined();
    expect(inTime).toMatchObject({ to: ApprovalStatus.UNDER_REVIEW, guard: ApprovalGuard.suppliedWithinGrace });
  });

  it('keeps the status for self-transitions such as an extension', () => {
    for (const state of [ServiceRequestStatus.SIGNED, ServiceRequestStatus.IN_PROGRESS, ServiceRequestStatus.REOPENED]) {
      expect(findTransition(serviceRequestMachine, state, ServiceRequestAction.EXTEND)?.to).toBe(state);
    }
  });

  it('answers undefined for an action impossible in the state', () => {
    expect(findTransition(serviceRequestMachine, ServiceRequestStatus.CLOSED, ServiceRequestAction.REOPEN)).toBeUndefined();
    expect(findTransition(serviceRequestMachine, ServiceRequestStatus.RECEIVED, ServiceRequestAction.SIGN)).toBeUndefined();
  });
});

describe('transitionBetween', () => {
  it('finds the transition an update setting the status directly stands for', () => {
    expect(transitionBetween(stationMachine, StationStatus.SUSPENDED, StationStatus.ACTIVE)?.action).toBe(StationAction.RESUME);
    expect(transitionBetween(serviceRequestMachine, ServiceRequestStatus.RETURNED, ServiceRequestStatus.DISPATCHED)?.action).toBe(
      ServiceRequestAction.DISPATCH,
    );
  });

  it('answers undefined for an unchanged status or a jump the machine does not allow', () => {
    expect(transitionBetween(serviceRequestMachine, ServiceRequestStatus.REPLIED, ServiceRequestStatus.REPLIED)).toBeUndefined();
    expect(transitionBetween(approvalMachine, ApprovalStatus.SUBMITTED, ApprovalStatus.ISSUED)).toBeUndefined();
    expect(transitionBetween(stationMachine, StationStatus.CLOSED, StationStatus.ACTIVE)).toBeUndefined();
  });

  it('respects guards', () => {
    expect(transitionBetween(approvalMachine, ApprovalStatus.APPROVED, ApprovalStatus.ISSUED, onlyGuards())).toBeUndefined();
    expect(
      transitionBetween(approvalMachine, ApprovalStatus.APPROVED, ApprovalStatus.ISSUED, onlyGuards(ApprovalGuard.noMaterialOutstanding))
        ?.action,
    ).toBe(ApprovalAction.ISSUE);
  });
});
