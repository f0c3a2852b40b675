import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateTimeScalar } from './scalars';

/** Fields every stored record exposes (docs/domain.md). */
// Named so type-graphql lets types inherit the fields; never referenced, so not in the schema.
@ObjectType('RecordFields')
export abstract class RecordFields {
  @Field(() => ID)
  id!: string;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it as expectedVersion when updating.' })
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: string;

  @Field(() => DateTimeScalar)
  updatedAt!: string;
}
