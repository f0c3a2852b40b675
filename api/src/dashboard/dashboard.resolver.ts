import { Role } from '@yizhan/shared';
import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../common/scalars';
import type { Context } from '../context';
import { ApprovalFigures, Dashboard, HotlineFigures, StationFigures } from './dashboard.type';

@Resolver(() => Dashboard)
export class DashboardResolver {
  @Authorized(Role.ADMIN, Role.VIEWER, Role.STAFF, Role.OFFICER, Role.OPERATOR)
  @Query(() => Dashboard, {
    description:
      'KPIs of the days from–to (Asia/Shanghai, both included), park-wide or for one station: administrators and viewers see every part, ' +
      'station staff every part for their stations, officers the approvals, operators the hotline. Read from maintained aggregates.',
  })
  dashboard(
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Arg('stationId', () => ID, { nullable: true }) stationId: string | null | undefined,
    @Ctx() { services }: Context,
  ): Promise<Dashboard> {
    return services.dashboard.period(from, to, stationId ?? null);
  }

  @FieldResolver(() => StationFigures, { nullable: true, description: 'Administrators, viewers and station staff.' })
  stations(@Root() dashboard: Dashboard, @Ctx() { services }: Context): Promise<StationFigures> {
    return services.dashboard.stationFigures(dashboard);
  }

  @FieldResolver(() => ApprovalFigures, { nullable: true, description: 'Administrators, viewers, officers and station staff.' })
  approvals(@Root() dashboard: Dashboard, @Ctx() { services }: Context): Promise<ApprovalFigures> {
    return services.dashboard.approvalFigures(dashboard);
  }

  @FieldResolver(() => HotlineFigures, { nullable: true, description: 'Administrators, viewers, operators and station staff.' })
  hotline(@Root() dashboard: Dashboard, @Ctx() { services }: Context): Promise<HotlineFigures> {
    return services.dashboard.hotlineFigures(dashboard);
  }
}
