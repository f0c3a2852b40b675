import { CalendarDayKind, removeCalendarDayFields, setCalendarDayFields } from '@yizhan/shared';
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { inputTypeOf } from '../common/declared-types';
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

/** `setCalendarDay`'s input, declared in `shared/`. */
export const SetCalendarDayInput = inputTypeOf('SetCalendarDayInput', [{ fields: setCalendarDayFields, mode: 'create' }]);

export interface SetCalendarDay {
  readonly date: string;
  readonly kind: CalendarDayKind;
  readonly name: string | null;
  readonly expectedVersion: number | null;
}

/** `removeCalendarDay`'s input, declared in `shared/`. */
export const RemoveCalendarDayInput = inputTypeOf('RemoveCalendarDayInput', [{ fields: removeCalendarDayFields, mode: 'create' }]);

export interface RemoveCalendarDay {
  readonly date: string;
  readonly expectedVersion: number;
}
