import { stationEntity } from '@yizhan/shared';
import { recordSchema } from '../common/record-resolver';

/** The GraphQL types of stations, derived from their declaration in `shared/`. */
export const stationSchema = recordSchema(stationEntity, (services) => services.stations);

export const Station = stationSchema.type;
