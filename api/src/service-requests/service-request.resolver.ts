import { HISTORY_READERS } from '@yizhan/shared';
import { Args, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AuditEventConnection } from '../audit/audit.type';
import { PageArgs } from '../common/connection';
import type { Paging } from '../common/page';
import { relatedListResolver } from '../common/record-resolver';
import type { Context } from '../context';
import type { EnterpriseRecord } from '../enterprises/enterprise.service';
import { Enterprise } from '../enterprises/enterprise.type';
import type { StationRecord } from '../stations/station.service';
import { Station } from '../stations/station.type';
import type { ServiceRequestRecord } from './service-request.model';
import { ServiceRequest, serviceRequestSchema } from './service-request.type';

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

  @Authorized(...HISTORY_READERS)
  @FieldResolver(() => AuditEventConnection, { nullable: true, description: `What happened to the request, newest first (${HISTORY_READERS.join(', ')}).` })
  async history(@Root() request: ServiceRequestRecord, @Args(() => PageArgs) paging: Paging, @Ctx() { services }: Context) {
    return AuditEventConnection.of(await services.audit.list(request.id, paging));
  }
}

/** `Enterprise.serviceRequests`: the enterprise's requests within the viewer's scope. */
export const EnterpriseServiceRequestsResolver = relatedListResolver<EnterpriseRecord>({
  parent: Enterprise,
  field: 'serviceRequests',
  related: serviceRequestSchema,
  serviceOf: (services) => services.serviceRequests,
  where: (enterprise) => ({ enterpriseId: enterprise.id }),
  defaultSort: 'RECEIVED_DESC',
  description: 'The requests concerning this enterprise.',
});

/** `Station.serviceRequests`: the station's requests within the viewer's scope. */
export const StationServiceRequestsResolver = relatedListResolver<StationRecord>({
  parent: Station,
  field: 'serviceRequests',
  related: serviceRequestSchema,
  serviceOf: (services) => services.serviceRequests,
  where: (station) => ({ stationId: [station.id] }),
  defaultSort: 'RECEIVED_DESC',
  description: 'The requests this station handles.',
});
