import { projectEntity } from '@yizhan/shared';
import { recordSchema } from '../common/record-resolver';

/** The GraphQL types of projects, derived from their declaration in `shared/`. */
export const projectSchema = recordSchema(projectEntity, (services) => services.projects);

export const Project = projectSchema.type;
