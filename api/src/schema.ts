import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import {
  ApprovalResolver,
  EnterpriseApprovalsResolver,
  EnterpriseProjectsResolver,
  ProjectApprovalsResolver,
  ProjectResolver,
} from './approvals/approval.resolver';
import { approvalSchema } from './approvals/approval.type';
import { AuditResolver } from './audit/audit.resolver';
import { authChecker } from './auth/access';
import { CalendarResolver } from './calendar/calendar.resolver';
import { ServiceCatalogResolver } from './catalog/service-catalog.resolver';
import { registerDomainEnums } from './common/enums';
import { validateInput } from './common/validate-input';
import { DashboardResolver } from './dashboard/dashboard.resolver';
import { EnterpriseResolver, StationEnterpriseCountResolver, StationEnterprisesResolver } from './enterprises/enterprise.resolver';
import { enterpriseSchema } from './enterprises/enterprise.type';
import { MeResolver } from './identity/me.resolver';
import { projectSchema } from './projects/project.type';
import { EnterpriseServiceRequestsResolver, ServiceRequestResolver, StationServiceRequestsResolver } from './service-requests/service-request.resolver';
import { serviceRequestSchema } from './service-requests/service-request.type';
import { stationSchema } from './stations/station.type';

/** Every resolver of the API: the table of contents of the schema. */
const resolvers = [
  MeResolver,
  ServiceCatalogResolver,
  stationSchema.resolver,
  enterpriseSchema.resolver,
  EnterpriseResolver,
  StationEnterprisesResolver,
  StationEnterpriseCountResolver,
  serviceRequestSchema.resolver,
  ServiceRequestResolver,
  EnterpriseServiceRequestsResolver,
  StationServiceRequestsResolver,
  projectSchema.resolver,
  ProjectResolver,
  ProjectApprovalsResolver,
  approvalSchema.resolver,
  ApprovalResolver,
  EnterpriseProjectsResolver,
  EnterpriseApprovalsResolver,
  CalendarResolver,
  AuditResolver,
  DashboardResolver,
] as const;

let built: GraphQLSchema | undefined;

/** Builds the schema once per process (at module scope in the Lambda and the local server). */
export function getSchema(): GraphQLSchema {
  if (!built) {
    registerDomainEnums();
    built = buildSchemaSync({
      resolvers: [...resolvers],
      authChecker,
      authMode: 'error',
      // Inputs are checked against their declarations in shared/ (class-validator is not used).
      validateFn: validateInput,
      emitSchemaFile: false,
      // type-graphql checks a new schema by running the introspection query over it, a third of a
      // Lambda cold start; the schema is the same in every process, so a test checks it once.
      skipCheck: true,
    });
  }
  return built;
}
