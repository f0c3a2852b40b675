import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ServiceCategory, StationStatus } from '@yizhan/shared';
import { DateScalar } from '../common/scalars';
import { OptionalField, PHONE_MESSAGE, PHONE_PATTERN, RequiredField, RequiredText } from '../common/validation';
import { GeoPointInput } from '../common/values';

export const StationSort = {
  CODE_ASC: 'CODE_ASC',
  CODE_DESC: 'CODE_DESC',
  NAME_ASC: 'NAME_ASC',
  NAME_DESC: 'NAME_DESC',
  OPENED_DESC: 'OPENED_DESC',
  OPENED_ASC: 'OPENED_ASC',
} as const;
export type StationSort = (typeof StationSort)[keyof typeof StationSort];
registerEnumType(StationSort, { name: 'StationSort', description: 'The orders a station list supports.' });

@InputType('StationFilter')
export class StationFilter {
  @Field(() => StationStatus, { nullable: true })
  @IsOptional()
  @IsEnum(StationStatus)
  status?: StationStatus | null;

  @Field(() => ServiceCategory, { nullable: true, description: 'Stations offering this service.' })
  @IsOptional()
  @IsEnum(ServiceCategory)
  serviceCategory?: ServiceCategory | null;

  @Field(() => String, { nullable: true, description: 'Text in code, name, park or address.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string | null;
}

export const STATION_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

/**
 * The editable fields of a station, declared once: required on create, each optional on update.
 */
function stationFields(optionalInput: boolean) {
  // Named so type-graphql can inherit the fields; never referenced, so not in the schema.
  @InputType(optionalInput ? 'StationFieldsForUpdate' : 'StationFieldsForCreate')
  abstract class StationFields {
    @Field(() => String, { nullable: optionalInput, description: '2–10 capital letters or digits, starting with a letter.' })
    @RequiredField(optionalInput)
    @Matches(STATION_CODE_PATTERN, { message: 'code must be 2–10 capital letters or digits, starting with a letter (e.g. JR).' })
    code?: string;

    @RequiredText(optionalInput, 100)
    name?: string;

    @RequiredText(optionalInput, 100)
    park?: string;

    @RequiredText(optionalInput, 200)
    address?: string;

    @Field(() => String, { nullable: optionalInput })
    @RequiredField(optionalInput)
    @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
    phone?: string;

    @RequiredText(optionalInput, 200)
    openingHours?: string;

    @Field(() => DateScalar, { nullable: optionalInput })
    @RequiredField(optionalInput)
    openedOn?: string;

    @Field(() => [ServiceCategory], { nullable: optionalInput })
    @RequiredField(optionalInput)
    @IsEnum(ServiceCategory, { each: true })
    @ArrayUnique({ message: 'serviceCategories must not repeat a category.' })
    @ArrayMaxSize(Object.keys(ServiceCategory).length)
    serviceCategories?: ServiceCategory[];

    @Field(() => GeoPointInput, { nullable: true })
    @OptionalField()
    @ValidateNested()
    location?: GeoPointInput | null;

    @Field(() => String, { nullable: true })
    @OptionalField()
    @IsString()
    @MaxLength(2000)
    description?: string | null;
  }
  return StationFields;
}

@InputType('CreateStationInput')
export class CreateStationInput extends stationFields(false) {
  @Field(() => String, { nullable: true, description: 'Makes the create idempotent: the same id and input return the same station.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  clientRequestId?: string | null;
}

@InputType('UpdateStationInput')
export class UpdateStationInput extends stationFields(true) {
  @Field(() => ID)
  @IsString()
  id!: string;

  @Field(() => Int, { description: 'The version you read; a newer one on the server fails with CONFLICT.' })
  @Min(1)
  expectedVersion!: number;

  @Field(() => StationStatus, { nullable: true, description: 'ACTIVE ⇄ SUSPENDED; either → CLOSED (final).' })
  @IsOptional()
  @IsEnum(StationStatus)
  status?: StationStatus | null;
}
