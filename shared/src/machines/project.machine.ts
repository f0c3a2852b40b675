import { ProjectAction, ProjectStatus, Role } from '../enums';
import type { StateMachine } from '../state-machine';

/**
 * A construction project from planning to completion (docs/domain.md). Approval officers and
 * administrators move it on as its approvals are issued: into approval, into construction (the
 * construction permit), to completion (the joint acceptance).
 */
export const projectMachine: StateMachine<ProjectStatus, ProjectAction> = {
  name: 'Project',
  initial: ProjectStatus.PLANNING,
  states: [ProjectStatus.PLANNING, ProjectStatus.UNDER_APPROVAL, ProjectStatus.UNDER_CONSTRUCTION, ProjectStatus.COMPLETED],
  final: [ProjectStatus.COMPLETED],
  transitions: [
    { action: ProjectAction.START_APPROVAL, from: [ProjectStatus.PLANNING], to: ProjectStatus.UNDER_APPROVAL, roles: [Role.ADMIN, Role.OFFICER] },
    {
      action: ProjectAction.START_CONSTRUCTION,
      from: [ProjectStatus.PLANNING, ProjectStatus.UNDER_APPROVAL],
      to: ProjectStatus.UNDER_CONSTRUCTION,
      roles: [Role.ADMIN, Role.OFFICER],
      description: 'Construction starts (with the permit, or at once under 拿地即开工).',
    },
    { action: ProjectAction.COMPLETE, from: [ProjectStatus.UNDER_CONSTRUCTION], to: ProjectStatus.COMPLETED, roles: [Role.ADMIN, Role.OFFICER] },
  ],
};
