import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IsEnum, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { CalendarDayKind } from '@yizhan/shared';
import { RecordFields } from '../common/record.type';
import { DateScalar } from '../common/scalars';

export const CalendarDayType = { WORKDAY: 'WORKDAY', WEEKEND: 'WEEKEND', HOLIDAY: 'HOLIDAY', MAKEUP_WORKDAY: 'MAKEUP_WORKDAY' } as const;
registerEnumType(CalendarDayType, { name: 'CalendarDayType', description: 'How a date counts: a working day, weekend, holiday or make-up working day (调休).' });

export const CalendarDaySource = { OVERRIDE: 'OVERRIDE', PACKAGE: 'PACKAGE', WEEKDAY_RULE: 'WEEKDAY_RULE' } as const;
registerEnumType(CalendarDaySource, { name: 'CalendarDaySource', description: 'What decided a day: an administrator, the published arrangement, or Monday–Friday.' });

@ObjectType('CalendarDay')
export class CalendarDay {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => Boolean)
  working!: boolean;

  @Field(() => CalendarDayType)
  kind!: keyof typeof CalendarDayType;

  @Field(() => String, { nullable: true, description: 'The holiday a day belongs to, e.g. 春节.' })
  name!: string | null;

  @Field(() => CalendarDaySource)
  source!: keyof typeof CalendarDaySource;

  @Field(() => Boolean, { description: 'The year has no published arrangement nor overrides: Monday–Friday is assumed.' })
  provisional!: boolean;
}

@ObjectType('CalendarOverride', { description: 'An administrator’s decision about one date.' })
export class CalendarOverride extends RecordFields {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => CalendarDayKind)
  kind!: CalendarDayKind;

  @Field(() => String, { nullable: true })
  name!: string | null;
}

@ObjectType('WorkCalendar', { description: 'A year of the working-day calendar.' })
export class WorkCalendar {
  @Field(() => Int)
  year!: number;

  @Field(() => Boolean, { description: 'True when deadlines in this year are computed Monday–Friday for lack of data.' })
  provisional!: boolean;

  @Field(() => Int)
  workingDayCount!: number;

  @Field(() => [CalendarDay], { description: 'Holidays and make-up working days, in date order.' })
  specialDays!: CalendarDay[];

  @Field(() => [CalendarOverride], { description: 'Administrator overrides within the year.' })
  overrides!: CalendarOverride[];
}

@InputType('SetCalendarDayInput')
export class SetCalendarDayInput {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => CalendarDayKind, { description: 'HOLIDAY makes a weekday a day off; WORKDAY makes a weekend day a make-up working day.' })
  @IsEnum(CalendarDayKind)
  kind!: CalendarDayKind;

  @Field(() => String, { nullable: true, description: 'The holiday, e.g. 春节.' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  name?: string | null;

  @Field(() => Int, { nullable: true, description: 'Required when replacing an existing override.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedVersion?: number | null;
}

@InputType('RemoveCalendarDayInput')
export class RemoveCalendarDayInput {
  @Field(() => DateScalar)
  date!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
