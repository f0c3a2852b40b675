import { Role } from '@yizhan/shared';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../common/connection';
import { DateTimeScalar } from '../common/scalars';

@ObjectType('AuditActor')
export class AuditActor {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  username!: string;

  @Field(() => [Role])
  roles!: Role[];
}

@ObjectType('FieldChange')
export class FieldChange {
  @Field(() => String)
  field!: string;

  @Field(() => GraphQLJSON, { nullable: true })
  from!: unknown;

  @Field(() => GraphQLJSON, { nullable: true })
  to!: unknown;
}

@ObjectType('AuditEvent', { description: 'An append-only record of one mutation.' })
export class AuditEvent {
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  at!: string;

  @Field(() => AuditActor)
  actor!: AuditActor;

  @Field(() => String, { description: 'The mutation, e.g. updateEnterprise.' })
  action!: string;

  @Field(() => String, { nullable: true, description: 'The state-machine action taken, e.g. SUSPEND; null for plain edits.' })
  transition!: string | null;

  @Field(() => String, { nullable: true, description: 'Why, as the actor noted it.' })
  note!: string | null;

  @Field(() => String)
  entityType!: string;

  @Field(() => ID)
  entityId!: string;

  @Field(() => Int, { nullable: true })
  versionBefore!: number | null;

  @Field(() => Int, { nullable: true })
  versionAfter!: number | null;

  @Field(() => [FieldChange])
  changes!: FieldChange[];

  @Field(() => String, { description: 'Finds the request in the logs.' })
  requestId!: string;
}

export const AuditEventConnection = connectionType('AuditEvent', AuditEvent);
