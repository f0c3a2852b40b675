import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { Access, ALL_ROLES } from '../auth/access';
import { relatedListResolver } from '../common/record-resolver';
import type { Context } from '../context';
import type { StationRecord } from '../stations/station.service';
import { Station } from '../stations/station.type';
import type { EnterpriseRecord } from './enterprise.service';
import { Enterprise, enterpriseSchema } from './enterprise.type';

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

/** `Station.enterprises`: a station's enterprises within the viewer's scope. */
export const StationEnterprisesResolver = relatedListResolver<StationRecord>({
  parent: Station,
  field: 'enterprises',
  related: enterpriseSchema,
  serviceOf: (services) => services.enterprises,
  where: (station) => ({ stationId: [station.id] }),
  defaultSort: 'NAME_ASC',
  description: 'The enterprises of this station.',
});

/** `Station.enterpriseCount`: how many of a station's enterprises the viewer may see. */
@Resolver(() => Station)
export class StationEnterpriseCountResolver {
  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => Int, { nullable: true, description: 'Signed-in users: how many enterprises of this station are within your scope.' })
  enterpriseCount(@Root() station: StationRecord, @Ctx() { services }: Context): Promise<number> {
    return services.enterprises.count({ stationId: [station.id] });
  }
}
