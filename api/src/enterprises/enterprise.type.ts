import { enterpriseEntity } from '@yizhan/shared';
import { recordSchema } from '../common/record-resolver';

/** The GraphQL types of enterprises, derived from their declaration in `shared/`. */
export const enterpriseSchema = recordSchema(enterpriseEntity, (services) => services.enterprises);

export const Enterprise = enterpriseSchema.type;
