import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { EnterpriseAction, Role } from '@yizhan/shared';
import { Access, ALL_ROLES } from '../auth/access';
import { PageArgs } from '../common/connection';
import { Person, type PersonValue } from '../common/values';
import type { Context } from '../context';
import type { StationRecord } from '../stations/station.model';
import { Station } from '../stations/station.type';
import { CreateEnterpriseInput, DeleteEnterpriseInput, EnterpriseFilter, EnterpriseSort, UpdateEnterpriseInput } from './enterprise.input';
import type { EnterpriseRecord } from './enterprise.model';
import { Enterprise, EnterpriseConnection } from './enterprise.type';

const ENTERPRISE_EDITORS = [Role.ADMIN, Role.STAFF];

@Resolver(() => Enterprise)
export class EnterpriseResolver {
  @Authorized(...ALL_ROLES)
  @Query(() => Enterprise, { description: 'An enterprise in the viewer’s scope; others are NOT_FOUND.' })
  enterprise(@Arg('id', () => ID) id: string, @Ctx() { services }: Context): Promise<EnterpriseRecord> {
    return services.enterprises.get(id);
  }

  @Authorized(...ALL_ROLES)
  @Query(() => Enterprise)
  enterpriseByCreditCode(@Arg('creditCode', () => String) creditCode: string, @Ctx() { services }: Context): Promise<EnterpriseRecord> {
    return services.enterprises.getByCreditCode(creditCode);
  }

  @Authorized(...ALL_ROLES)
  @Query(() => EnterpriseConnection, { description: 'Enterprises in the viewer’s scope.' })
  enterprises(
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | undefined,
    @Arg('sort', () => EnterpriseSort, { defaultValue: EnterpriseSort.NAME_ASC }) sort: EnterpriseSort,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { services }: Context,
  ) {
    return services.enterprises.list(filter ?? undefined, sort, first, after).then(EnterpriseConnection.of);
  }

  @Authorized(...ENTERPRISE_EDITORS)
  @Mutation(() => Enterprise, { description: 'STAFF may register enterprises with their own stations.' })
  createEnterprise(@Arg('input', () => CreateEnterpriseInput) input: CreateEnterpriseInput, @Ctx() { services }: Context): Promise<EnterpriseRecord> {
    return services.enterprises.create(input);
  }

  @Authorized(...ENTERPRISE_EDITORS)
  @Mutation(() => Enterprise)
  updateEnterprise(@Arg('input', () => UpdateEnterpriseInput) input: UpdateEnterpriseInput, @Ctx() { services }: Context): Promise<EnterpriseRecord> {
    return services.enterprises.update(input);
  }

  @Authorized(...ENTERPRISE_EDITORS)
  @Mutation(() => Enterprise, { description: 'Deletes an enterprise with no requests, projects or approvals; returns it as it was.' })
  deleteEnterprise(@Arg('input', () => DeleteEnterpriseInput) input: DeleteEnterpriseInput, @Ctx() { services }: Context): Promise<EnterpriseRecord> {
    return services.enterprises.delete(input.id, input.expectedVersion);
  }

  @FieldResolver(() => Station, { nullable: true, description: 'The serving station.' })
  station(@Root() enterprise: EnterpriseRecord, @Ctx() { services }: Context): Promise<StationRecord | undefined> {
    return services.stations.load(enterprise.stationId);
  }

  @FieldResolver(() => Person, { nullable: true, description: '管家/代办专员.' })
  steward(@Root() enterprise: EnterpriseRecord, @Ctx() { services }: Context): PersonValue | null {
    return services.enterprises.present(enterprise.steward);
  }

  @FieldResolver(() => Person, { nullable: true })
  contact(@Root() enterprise: EnterpriseRecord, @Ctx() { services }: Context): PersonValue | null {
    return services.enterprises.present(enterprise.contact);
  }

  @FieldResolver(() => [EnterpriseAction], { description: 'Status actions the viewer may take now.' })
  availableActions(@Root() enterprise: EnterpriseRecord, @Ctx() { services }: Context): EnterpriseAction[] {
    return services.enterprises.availableActions(enterprise);
  }
}

/** `Station.enterprises`: the station's enterprises the viewer may see. */
@Resolver(() => Station)
export class StationEnterprisesResolver {
  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => EnterpriseConnection)
  enterprises(
    @Root() station: StationRecord,
    @Arg('filter', () => EnterpriseFilter, { nullable: true }) filter: EnterpriseFilter | undefined,
    @Arg('sort', () => EnterpriseSort, { defaultValue: EnterpriseSort.NAME_ASC }) sort: EnterpriseSort,
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Ctx() { services }: Context,
  ) {
    return services.enterprises.list({ ...filter, stationId: station.id }, sort, first, after).then(EnterpriseConnection.of);
  }

  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => Int, { description: 'Enterprises of this station in the viewer’s scope.' })
  enterpriseCount(@Root() station: StationRecord, @Ctx() { services }: Context): Promise<number> {
    return services.enterprises.countForStation(station.id);
  }
}
