import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Role, StationAction } from '@yizhan/shared';
import { Access } from '../auth/access';
import { PageArgs } from '../common/connection';
import type { Context } from '../context';
import { CreateStationInput, StationFilter, StationSort, UpdateStationInput } from './station.input';
import type { StationRecord } from './station.model';
import { Station, StationConnection } from './station.type';

@Resolver(() => Station)
export class StationResolver {
  @Authorized(Access.PUBLIC)
  @Query(() => Station, { description: 'A station; anonymous callers see ACTIVE stations only.' })
  station(@Arg('id', () => ID) id: string, @Ctx() { services }: Context): Promise<StationRecord> {
    return services.stations.get(id);
  }

  @Authorized(Access.PUBLIC)
  @Query(() => StationConnection, { description: 'Stations; anonymous callers see ACTIVE stations only.' })
  stations(
    @Arg('filter', () => StationFilter, { nullable: true }) filter: StationFilter | undefined,
    @Arg('sort', () => StationSort, { defaultValue: StationSort.CODE_ASC }) sort: StationSort,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { services }: Context,
  ) {
    return services.stations.list(filter ?? undefined, sort, first, after).then(StationConnection.of);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Station)
  createStation(@Arg('input', () => CreateStationInput) input: CreateStationInput, @Ctx() { services }: Context): Promise<StationRecord> {
    return services.stations.create(input);
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Station, { description: 'Changes fields and/or status (ACTIVE ⇄ SUSPENDED, → CLOSED).' })
  updateStation(@Arg('input', () => UpdateStationInput) input: UpdateStationInput, @Ctx() { services }: Context): Promise<StationRecord> {
    return services.stations.update(input);
  }

  @FieldResolver(() => [StationAction], { description: 'Status actions the viewer may take now.' })
  availableActions(@Root() station: StationRecord, @Ctx() { services }: Context): StationAction[] {
    return services.stations.availableActions(station);
  }
}
