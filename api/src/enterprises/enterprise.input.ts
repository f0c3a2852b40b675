import { Field, Float, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { CreditStatus, EnterpriseStatus, EnterpriseTag } from '@yizhan/shared';
import { DateScalar } from '../common/scalars';
import { IsCreditCode, OptionalField, RequiredField, RequiredText } from '../common/validation';
import { PersonInput } from '../common/values';

export const EnterpriseSort = {
  NAME_ASC: 'NAME_ASC',
  NAME_DESC: 'NAME_DESC',
  CREATED_DESC: 'CREATED_DESC',
  CREATED_ASC: 'CREATED_ASC',
  ESTABLISHED_DESC: 'ESTABLISHED_DESC',
  ESTABLISHED_ASC: 'ESTABLISHED_ASC',
} as const;
export type EnterpriseSort = (typeof EnterpriseSort)[keyof typeof EnterpriseSort];
registerEnumType(EnterpriseSort, { name: 'EnterpriseSort', description: 'The orders an enterprise list supports.' });

@InputType('EnterpriseFilter')
export class EnterpriseFilter {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsString()
  stationId?: string | null;

  @Field(() => EnterpriseStatus, { nullable: true })
  @IsOptional()
  @IsEnum(EnterpriseStatus)
  status?: EnterpriseStatus | null;

  @Field(() => EnterpriseTag, { nullable: true })
  @IsOptional()
  @IsEnum(EnterpriseTag)
  tag?: EnterpriseTag | null;

  @Field(() => CreditStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CreditStatus)
  creditStatus?: CreditStatus | null;

  @Field(() => String, { nullable: true, description: 'Text in name, credit code, legal representative or industry.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Registered (established) on or after this date.' })
  @IsOptional()
  registeredFrom?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Registered (established) on or before this date.' })
  @IsOptional()
  registeredTo?: string | null;
}

/** The editable fields of an enterprise, declared once: required on create, optional on update. */
function enterpriseFields(optionalInput: boolean) {
  // Named so type-graphql can inherit the fields; never referenced, so not in the schema.
  @InputType(optionalInput ? 'EnterpriseFieldsForUpdate' : 'EnterpriseFieldsForCreate')
  abstract class EnterpriseFields {
    @Field(() => String, { nullable: optionalInput, description: '统一社会信用代码; lower case and spaces are tolerated.' })
    @RequiredField(optionalInput)
    @IsCreditCode()
    creditCode?: string;

    @RequiredText(optionalInput, 100)
    name?: string;

    @RequiredText(optionalInput, 50)
    legalRepresentative?: string;

    @RequiredText(optionalInput, 50)
    industry?: string;

    @Field(() => ID, { nullable: optionalInput, description: 'The serving station.' })
    @RequiredField(optionalInput)
    @IsString()
    @IsNotEmpty({ message: 'stationId must not be empty.' })
    stationId?: string;

    @RequiredText(optionalInput, 200)
    address?: string;

    @Field(() => DateScalar, { nullable: optionalInput, description: 'Date of registration; not in the future.' })
    @RequiredField(optionalInput)
    establishedOn?: string;

    @Field(() => Float, { nullable: optionalInput, description: 'In 万元, 0 or more.' })
    @RequiredField(optionalInput)
    @Min(0, { message: 'registeredCapital must not be negative.' })
    @Max(100_000_000, { message: 'registeredCapital is in 万元 and must be at most 100000000.' })
    registeredCapital?: number;

    @Field(() => Int, { nullable: optionalInput })
    @RequiredField(optionalInput)
    @IsInt()
    @Min(0, { message: 'employees must not be negative.' })
    @Max(1_000_000)
    employees?: number;

    @Field(() => [EnterpriseTag], { nullable: optionalInput })
    @RequiredField(optionalInput)
    @IsEnum(EnterpriseTag, { each: true })
    @ArrayUnique({ message: 'tags must not repeat a tag.' })
    @ArrayMaxSize(Object.keys(EnterpriseTag).length)
    tags?: EnterpriseTag[];

    @Field(() => CreditStatus, { nullable: true, description: 'Defaults to NORMAL.' })
    @OptionalField()
    @IsEnum(CreditStatus)
    creditStatus?: CreditStatus | null;

    @Field(() => Boolean, { nullable: true, description: 'Defaults to false.' })
    @OptionalField()
    @IsBoolean()
    registeredViaStation?: boolean | null;

    @Field(() => PersonInput, { nullable: true, description: '管家/代办专员.' })
    @OptionalField()
    @ValidateNested()
    steward?: PersonInput | null;

    @Field(() => PersonInput, { nullable: true })
    @OptionalField()
    @ValidateNested()
    contact?: PersonInput | null;
  }
  return EnterpriseFields;
}

@InputType('CreateEnterpriseInput')
export class CreateEnterpriseInput extends enterpriseFields(false) {
  @Field(() => String, { nullable: true, description: 'Makes the create idempotent: the same id and input return the same enterprise.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clientRequestId?: string | null;
}

@InputType('UpdateEnterpriseInput')
export class UpdateEnterpriseInput extends enterpriseFields(true) {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one on the server fails with CONFLICT.' })
  @Min(1)
  expectedVersion!: number;

  @Field(() => EnterpriseStatus, { nullable: true, description: 'ACTIVE → MOVED_OUT ⇄ …; → DEREGISTERED (final).' })
  @IsOptional()
  @IsEnum(EnterpriseStatus)
  status?: EnterpriseStatus | null;
}

@InputType('DeleteEnterpriseInput')
export class DeleteEnterpriseInput {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int)
  @Min(1)
  expectedVersion!: number;
}
