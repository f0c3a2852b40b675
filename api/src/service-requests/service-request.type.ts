import { serviceRequestEntity } from '@yizhan/shared';
import { recordSchema } from '../common/record-resolver';

/** The GraphQL types of service requests, derived from their declaration in `shared/`. */
export const serviceRequestSchema = recordSchema(serviceRequestEntity, (services) => services.serviceRequests);

export const ServiceRequest = serviceRequestSchema.type;
