import type { Role } from './enums';

/**
 * State machines as data: the API enforces them, the console renders the actions they allow,
 * and tests check the tables themselves. Conditions that depend on the record (a callback's
 * rating, an enterprise's credit status…) are named guards; the caller decides whether a guard
 * holds, because only it has the record.
 */

/** One edge: `action` moves a record from any state in `from` to `to`. */
export interface Transition<S extends string, A extends string> {
  action: A;
  from: readonly S[];
  to: S;
  /** Roles that may take this action; an empty list means nobody may take it by hand. */
  roles: readonly Role[];
  /** Name of a condition on the record that must hold, exported as a constant by the machine's file. */
  guard?: string;
  description?: string;
}

/** A whole lifecycle: its states, where records start, where they end, and the edges between. */
export interface StateMachine<S extends string, A extends string> {
  name: string;
  initial: S;
  states: readonly S[];
  final: readonly S[];
  transitions: readonly Transition<S, A>[];
}

/** Decides whether a named guard holds for the record at hand. */
export type GuardPredicate = (guard: string) => boolean;

const allGuardsHold: GuardPredicate = () => true;

function guardHoldsFor<S extends string, A extends string>(
  transition: Transition<S, A>,
  guardHolds: GuardPredicate,
): boolean {
  return transition.guard === undefined || guardHolds(transition.guard);
}

/** Whether any of `roles` may take `transition`. */
export function allowsRoles<S extends string, A extends string>(
  transition: Transition<S, A>,
  roles: readonly Role[],
): boolean {
  return transition.roles.some((role) => roles.includes(role));
}

/**
 * The actions a user with `roles` may take on a record in `state`: de-duplicated, in the
 * order the machine declares them. A guarded transition is offered only when its guard holds.
 */
export function availableActions<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  state: S,
  roles: readonly Role[],
  guardHolds: GuardPredicate = allGuardsHold,
): A[] {
  const actions: A[] = [];
  for (const transition of machine.transitions) {
    if (
      transition.from.includes(state) &&
      allowsRoles(transition, roles) &&
      guardHoldsFor(transition, guardHolds) &&
      !actions.includes(transition.action)
    ) {
      actions.push(transition.action);
    }
  }
  return actions;
}

/**
 * The transition `action` takes from `state`, the first in declaration order whose guard holds;
 * undefined when the action is not possible there. Roles are not checked: use `allowsRoles`.
 */
export function findTransition<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  state: S,
  action: A,
  guardHolds: GuardPredicate = allGuardsHold,
): Transition<S, A> | undefined {
  return machine.transitions.find(
    (transition) =>
      transition.action === action && transition.from.includes(state) && guardHoldsFor(transition, guardHolds),
  );
}

/**
 * The transition that leads from `from` to `to`, for updates that set a status directly; the
 * first in declaration order whose guard holds. Undefined when `from` equals `to`: keeping a
 * status is not a transition, even where self-transitions (e.g. ESCALATE) exist.
 */
export function transitionBetween<S extends string, A extends string>(
  machine: StateMachine<S, A>,
  from: S,
  to: S,
  guardHolds: GuardPredicate = allGuardsHold,
): Transition<S, A> | undefined {
  if (from === to) return undefined;
  return machine.transitions.find(
    (transition) => transition.to === to && transition.from.includes(from) && guardHoldsFor(transition, guardHolds),
  );
}

/** Whether `state` ends the lifecycle (no action leaves it). */
export function isFinal<S extends string, A extends string>(machine: StateMachine<S, A>, state: S): boolean {
  return machine.final.includes(state);
}

/**
 * One self-transition per state for an action that records something without changing the
 * status (e.g. ESCALATE on every open state), since a transition has a single target.
 */
export function selfTransitions<S extends string, A extends string>(
  action: A,
  states: readonly S[],
  details: Omit<Transition<S, A>, 'action' | 'from' | 'to'>,
): Transition<S, A>[] {
  return states.map((state) => ({ ...details, action, from: [state], to: state }));
}

/** Whether `transition` keeps the status (it records something, such as a callback). */
export function isSelfTransition<S extends string, A extends string>(transition: Transition<S, A>): boolean {
  return transition.from.length === 1 && transition.from[0] === transition.to;
}
