import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { CreditStatus, EnterpriseStatus, EnterpriseTag, EntityType } from '@yizhan/shared';
import { RecordFields } from '../common/record.type';
import { connectionType } from '../common/connection';
import { DateScalar } from '../common/scalars';

@ObjectType('Enterprise', { description: '经营主体: an enterprise served by a station.' })
export class Enterprise extends RecordFields {
  @Field(() => String, { description: '统一社会信用代码 (GB 32100-2015).' })
  creditCode!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  legalRepresentative!: string;

  @Field(() => EntityType, { description: "Derived from the credit code's first two characters." })
  entityType!: EntityType;

  @Field(() => String)
  industry!: string;

  @Field(() => ID)
  stationId!: string;

  @Field(() => String)
  address!: string;

  @Field(() => DateScalar, { description: 'Date of registration (成立日期).' })
  establishedOn!: string;

  @Field(() => Float, { description: 'Registered capital in 万元.' })
  registeredCapital!: number;

  @Field(() => Int)
  employees!: number;

  @Field(() => [EnterpriseTag])
  tags!: EnterpriseTag[];

  @Field(() => CreditStatus, { description: 'DISHONEST (失信) blocks 容缺受理.' })
  creditStatus!: CreditStatus;

  @Field(() => EnterpriseStatus)
  status!: EnterpriseStatus;

  @Field(() => Boolean, { description: "Newly registered through a station's 商事登记 service." })
  registeredViaStation!: boolean;
}

export const EnterpriseConnection = connectionType('Enterprise', Enterprise);

