import { Role } from '@yizhan/shared';
import { Field, ID, ObjectType } from 'type-graphql';

@ObjectType('Me', { description: 'The signed-in user.' })
export class Me {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;

  @Field(() => [Role])
  roles!: Role[];

  @Field(() => [ID], { description: 'Stations a STAFF member works for.' })
  stationIds!: string[];

  @Field(() => ID, { nullable: true, description: 'The enterprise an ENTERPRISE user acts for.' })
  enterpriseId!: string | null;
}
