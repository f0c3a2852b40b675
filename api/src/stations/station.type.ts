import { Field, ObjectType } from 'type-graphql';
import { ServiceCategory, StationAction, StationStatus } from '@yizhan/shared';
import { RecordFields } from '../common/record.type';
import { connectionType } from '../common/connection';
import { DateScalar } from '../common/scalars';
import { GeoPoint } from '../common/values';
import type { StationRecord } from './station.model';

@ObjectType('Station', { description: '政务服务驿站: a service station inside an industrial park.' })
export class Station extends RecordFields implements Omit<StationRecord, 'serviceCategories'> {
  @Field(() => String, { description: 'Unique short code, e.g. JR.' })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'The industrial park, e.g. 金荣·湘潭国际工业园.' })
  park!: string;

  @Field(() => String)
  address!: string;

  @Field(() => String)
  phone!: string;

  @Field(() => String)
  openingHours!: string;

  @Field(() => DateScalar)
  openedOn!: string;

  @Field(() => [ServiceCategory])
  serviceCategories!: ServiceCategory[];

  @Field(() => GeoPoint, { nullable: true })
  location!: GeoPoint | null;

  @Field(() => String)
  description!: string;

  @Field(() => StationStatus)
  status!: StationStatus;
}

export const StationConnection = connectionType('Station', Station);

/** Re-exported so resolvers name the action enum next to the type. */
export { StationAction };
