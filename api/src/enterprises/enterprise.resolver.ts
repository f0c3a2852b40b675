import { Arg, Args, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, ALL_ROLES } from '../auth/access';
import { PageArgs } from '../common/connection';
import type { Paging } from '../common/page';
import type { Context } from '../context';
import type { StationRecord } from '../stations/station.service';
import { Station } from '../stations/station.type';
import type { EnterpriseRecord } from './enterprise.service';
import { Enterprise, EnterpriseConnection, enterpriseSchema } from './enterprise.type';

/** What enterprises offer beyond the record path: lookup by credit code, and their station. */
@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => Enterprise, { description: 'The enterprise with this credit code (lower case and spaces tolerated); NOT_FOUND outside your scope.' })
  enterpriseByCreditCode(@Arg('creditCode', () => String) creditCode: string, @Ctx() { services }: Context): Promise<EnterpriseRecord> {
    return services.enterprises.getByCreditCode(creditCode);
  }

  @FieldResolver(() => Station, { nullable: true, description: 'The serving station.' })
  station(@Root() enterprise: EnterpriseRecord, @Ctx() { services }: Context): Promise<StationRecord | undefined> {
    return services.stations.load(enterprise.stationId);
  }
}

/** `Station.enterprises` and `Station.enterpriseCount`: a station's enterprises within the viewer's scope. */
@Resolver(() => Station)
export class StationEnterprisesResolver {
  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => EnterpriseConnection, { nullable: true, description: 'Signed-in users: the enterprises of this station within your scope.' })
  async enterprises(
    @Root() station: StationRecord,
    @Arg('filter', () => enterpriseSchema.filter, { nullable: true }) filter: Record<string, unknown> | undefined,
    @Arg('sort', () => enterpriseSchema.sort, { defaultValue: 'NAME_ASC' }) sort: string,
    @Args(() => PageArgs) paging: Paging,
    @Ctx() { services }: Context,
  ) {
    return EnterpriseConnection.of(await services.enterprises.list({ ...filter, stationId: [station.id] }, sort, paging));
  }

  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => Int, { nullable: true, description: 'Signed-in users: how many enterprises of this station are within your scope.' })
  enterpriseCount(@Root() station: StationRecord, @Ctx() { services }: Context): Promise<number> {
    return services.enterprises.count({ stationId: [station.id] });
  }
}
