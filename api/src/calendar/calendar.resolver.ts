import { Role } from '@yizhan/shared';
import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access';
import type { Context } from '../context';
import type { CalendarOverrideRecord } from './calendar.model';
import { CalendarOverride, type RemoveCalendarDay, RemoveCalendarDayInput, type SetCalendarDay, SetCalendarDayInput, WorkCalendar } from './calendar.type';

@Resolver(() => WorkCalendar)
export class CalendarResolver {
  @Authorized(Access.SIGNED_IN)
  @Query(() => WorkCalendar, { description: 'A year of the working-day calendar that deadlines count on.' })
  workCalendar(@Arg('year', () => Int) year: number, @Ctx() { services }: Context): Promise<WorkCalendar> {
    return services.calendar.year(year);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CalendarOverride, { description: 'Declares a date a holiday or a make-up working day (e.g. next year’s arrangement).' })
  setCalendarDay(@Arg('input', () => SetCalendarDayInput) input: SetCalendarDay, @Ctx() { services }: Context): Promise<CalendarOverrideRecord> {
    return services.calendar.set(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => CalendarOverride, { description: 'Removes an override; returns it as it was.' })
  removeCalendarDay(@Arg('input', () => RemoveCalendarDayInput) input: RemoveCalendarDay, @Ctx() { services }: Context): Promise<CalendarOverrideRecord> {
    return services.calendar.remove(input);
  }
}
