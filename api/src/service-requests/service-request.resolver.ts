import { Role } from '@yizhan/shared';
import { Arg, Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AuditEventConnection } from '../audit/audit.type';
import { Access } from '../auth/access';
import { PageArgs } from '../common/connection';
import type { Paging } from '../common/page';
import type { Context } from '../context';
import type { EnterpriseRecord } from '../enterprises/enterprise.service';
import { Enterprise } from '../enterprises/enterprise.type';
import type { StationRecord } from '../stations/station.service';
import { Station } from '../stations/station.type';
import type { ServiceRequestRecord } from './service-request.model';
import { ServiceRequest, ServiceRequestConnection, serviceRequestSchema } from './service-request.type';

/** What requests offer beyond the record path: their clock, relations, history and masked requester. */
@Resolver(() => ServiceRequest)
export class ServiceRequestResolver {
  @FieldResolver(() => Boolean, { description: 'Open and past its deadline, as of now.' })
  overdue(@Root() request: ServiceRequestRecord, @Ctx() { services }: Context): boolean {
    return services.serviceRequests.overdue(request);
  }

  @FieldResolver({ description: 'Who asked; the phone is masked for anyone who may not handle the request.' })
  requester(@Root() request: ServiceRequestRecord, @Ctx() { services }: Context): ServiceRequestRecord['requester'] {
    return services.serviceRequests.requester(request);
  }

  @FieldResolver(() => Station, { nullable: true, description: 'The station handling it.' })
  async station(@Root() request: ServiceRequestRecord, @Ctx() { services }: Context): Promise<StationRecord | null> {
    return request.stationId ? ((await services.stations.load(request.stationId)) ?? null) : null;
  }

  @FieldResolver(() => Enterprise, { nullable: true, description: 'The enterprise concerned, when you may see it.' })
  async enterprise(@Root() request: ServiceRequestRecord, @Ctx() { services }: Context): Promise<EnterpriseRecord | null> {
    return request.enterpriseId ? ((await services.enterprises.load(request.enterpriseId)) ?? null) : null;
  }

  @FieldResolver(() => ServiceRequest, { nullable: true, description: 'The earlier request this one repeats (反复投诉), when you may see it.' })
  async repeatOf(@Root() request: ServiceRequestRecord, @Ctx() { services }: Context): Promise<ServiceRequestRecord | null> {
    return request.repeatOfId ? ((await services.serviceRequests.load(request.repeatOfId)) ?? null) : null;
  }

  @Authorized(Role.ADMIN, Role.OFFICER, Role.STAFF, Role.OPERATOR)
  @FieldResolver(() => AuditEventConnection, { nullable: true, description: 'What happened to the request, newest first (ADMIN, OFFICER, STAFF, OPERATOR).' })
  async history(@Root() request: ServiceRequestRecord, @Args(() => PageArgs) paging: Paging, @Ctx() { services }: Context) {
    return AuditEventConnection.of(await services.audit.list(request.id, paging));
  }
}

/** `Enterprise.serviceRequests`: the enterprise's requests within the viewer's scope. */
@Resolver(() => Enterprise)
export class EnterpriseServiceRequestsResolver {
  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => ServiceRequestConnection, { nullable: true, description: 'The requests concerning this enterprise, within your scope.' })
  async serviceRequests(
    @Root() enterprise: EnterpriseRecord,
    @Arg('filter', () => serviceRequestSchema.filter, { nullable: true }) filter: Record<string, unknown> | undefined,
    @Arg('sort', () => serviceRequestSchema.sort, { defaultValue: 'RECEIVED_DESC' }) sort: string,
    @Args(() => PageArgs) paging: Paging,
    @Ctx() { services }: Context,
  ) {
    return ServiceRequestConnection.of(await services.serviceRequests.list({ ...filter, enterpriseId: enterprise.id }, sort, paging));
  }
}

/** `Station.serviceRequests`: the station's requests within the viewer's scope. */
@Resolver(() => Station)
export class StationServiceRequestsResolver {
  @Authorized(Access.SIGNED_IN)
  @FieldResolver(() => ServiceRequestConnection, { nullable: true, description: 'The requests this station handles, within your scope.' })
  async serviceRequests(
    @Root() station: StationRecord,
    @Arg('filter', () => serviceRequestSchema.filter, { nullable: true }) filter: Record<string, unknown> | undefined,
    @Arg('sort', () => serviceRequestSchema.sort, { defaultValue: 'RECEIVED_DESC' }) sort: string,
    @Args(() => PageArgs) paging: Paging,
    @Ctx() { services }: Context,
  ) {
    return ServiceRequestConnection.of(await services.serviceRequests.list({ ...filter, stationId: [station.id] }, sort, paging));
  }
}
