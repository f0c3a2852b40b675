import { projectEntity, type RecordOf, Role } from '@yizhan/shared';
import { type CreateCommand, RecordService, type ServiceContext } from '../common/record-service';
import type { EnterpriseService } from '../enterprises/enterprise.service';
import { BadUserInputError } from '../errors';
import type { RecordStore } from '../store/entity-store';

/** A 工程建设项目 as stored. */
export type ProjectRecord = RecordOf<typeof projectEntity>;

/**
 * Construction projects: recorded by officers (or by the enterprise itself), each of one
 * enterprise, and seen by its station's staff.
 */
export class ProjectService extends RecordService<typeof projectEntity> {
  constructor(store: RecordStore<ProjectRecord>, enterprises: EnterpriseService, context: ServiceContext) {
    super(projectEntity, store, context, {
      displayName: (project) => `${project.name} (${project.code})`,
      checkValues: async ({ enterpriseId }) => {
        if (enterpriseId !== undefined && !(await enterprises.load(enterpriseId))) {
          throw BadUserInputError.field('enterpriseId', `There is no enterprise with id ${enterpriseId}.`);
        }
      },
      // The station serving the enterprise, so its staff see the project.
      settle: async (project, before) => {
        if (before) return project;
        const enterprise = await enterprises.load(project.enterpriseId);
        return { ...project, stationId: enterprise?.stationId ?? null };
      },
    });
  }

  /** An enterprise user's project is its own enterprise's unless it names one. */
  override create(command: CreateCommand): Promise<ProjectRecord> {
    const viewer = this.context.scope.viewer;
    const enterpriseUser = viewer?.roles.length === 1 && viewer.roles[0] === Role.ENTERPRISE;
    return super.create(enterpriseUser ? { ...command, enterpriseId: command.enterpriseId ?? viewer.enterpriseId } : command);
  }
}
