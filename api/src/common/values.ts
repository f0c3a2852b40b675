import { Field, Float, InputType, ObjectType } from 'type-graphql';
import { IsLatitude, IsLongitude, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { PHONE_MESSAGE, PHONE_PATTERN } from './validation';

export interface GeoPointValue {
  readonly lat: number;
  readonly lng: number;
}

export interface PersonValue {
  readonly name: string;
  readonly phone: string;
}

@ObjectType('GeoPoint')
export class GeoPoint implements GeoPointValue {
  @Field(() => Float)
  lat!: number;

  @Field(() => Float)
  lng!: number;
}

@InputType('GeoPointInput')
export class GeoPointInput implements GeoPointValue {
  @Field(() => Float)
  @IsLatitude({ message: 'lat must be a latitude between -90 and 90.' })
  lat!: number;

  @Field(() => Float)
  @IsLongitude({ message: 'lng must be a longitude between -180 and 180.' })
  lng!: number;
}

@ObjectType('Person', { description: 'A named contact; the phone is masked for roles that do not call people.' })
export class Person implements PersonValue {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  phone!: string;
}

@InputType('PersonInput')
export class PersonInput implements PersonValue {
  @Field(() => String)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty.' })
  @MaxLength(50)
  name!: string;

  @Field(() => String)
  @Matches(PHONE_PATTERN, { message: PHONE_MESSAGE })
  phone!: string;
}

/** `13812345678` → `138****5678`; landlines keep the area code and the last four digits. */
export function maskPhone(phone: string): string {
  if (phone.length <= 4) return '*'.repeat(phone.length);
  const keepStart = phone.startsWith('1') ? 3 : Math.max(0, phone.indexOf('-') + 1);
  return phone.slice(0, keepStart) + '*'.repeat(phone.length - keepStart - 4) + phone.slice(-4);
}
