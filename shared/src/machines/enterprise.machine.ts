import { EnterpriseAction, EnterpriseStatus, Role } from '../enums';
import type { StateMachine } from '../state-machine';

/**
 * Whether an enterprise is still served by the park: it may move out and come back, and
 * deregistration ends it. Station staff keep their enterprises' status current, so STAFF may act.
 */
export const enterpriseMachine: StateMachine<EnterpriseStatus, EnterpriseAction> = {
  name: 'Enterprise',
  initial: EnterpriseStatus.ACTIVE,
  states: [EnterpriseStatus.ACTIVE, EnterpriseStatus.MOVED_OUT, EnterpriseStatus.DEREGISTERED],
  final: [EnterpriseStatus.DEREGISTERED],
  transitions: [
    {
      action: EnterpriseAction.MOVE_OUT,
      from: [EnterpriseStatus.ACTIVE],
      to: EnterpriseStatus.MOVED_OUT,
      roles: [Role.ADMIN, Role.STAFF],
    },
    {
      action: EnterpriseAction.MOVE_BACK,
      from: [EnterpriseStatus.MOVED_OUT],
      to: EnterpriseStatus.ACTIVE,
      roles: [Role.ADMIN, Role.STAFF],
    },
    {
      action: EnterpriseAction.DEREGISTER,
      from: [EnterpriseStatus.ACTIVE, EnterpriseStatus.MOVED_OUT],
      to: EnterpriseStatus.DEREGISTERED,
      roles: [Role.ADMIN, Role.STAFF],
    },
  ],
};
