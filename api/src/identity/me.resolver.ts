import { Authorized, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../auth/access';
import type { Viewer } from '../auth/viewer';
import type { Context } from '../context';
import type { EnterpriseRecord } from '../enterprises/enterprise.service';
import { Enterprise } from '../enterprises/enterprise.type';
import type { StationRecord } from '../stations/station.service';
import { Station } from '../stations/station.type';
import { Me } from './me.type';

@Resolver(() => Me)
export class MeResolver {
  @Authorized(Access.SIGNED_IN)
  @Query(() => Me)
  me(@Ctx() { viewer }: Context): Viewer {
    return viewer!;
  }

  @FieldResolver(() => [Station])
  async stations(@Root() me: Viewer, @Ctx() { services }: Context): Promise<StationRecord[]> {
    const stations = await Promise.all(me.stationIds.map((id) => services.stations.load(id)));
    return stations.filter((station): station is StationRecord => station !== undefined);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  async enterprise(@Root() me: Viewer, @Ctx() { services }: Context): Promise<EnterpriseRecord | null> {
    return me.enterpriseId ? ((await services.enterprises.load(me.enterpriseId)) ?? null) : null;
  }
}
