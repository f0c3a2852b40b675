import 'reflect-metadata';
import { buildSchemaSync } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { AuditResolver } from './audit/audit.resolver';
import { authChecker } from './auth/access';
import { CalendarResolver } from './calendar/calendar.resolver';
import { ServiceCatalogResolver } from './catalog/service-catalog.resolver';
import { registerDomainEnums } from './common/enums';
import { EnterpriseResolver, StationEnterprisesResolver } from './enterprises/enterprise.resolver';
import { MeResolver } from './identity/me.resolver';
import { StationResolver } from './stations/station.resolver';

/** Every resolver of the API: the table of contents of the schema. */
export const resolvers = [
  MeResolver,
  ServiceCatalogResolver,
  StationResolver,
  EnterpriseResolver,
  StationEnterprisesResolver,
  CalendarResolver,
  AuditResolver,
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
      validate: { forbidUnknownValues: false, whitelist: false },
      scalarsMap: [],
      orphanedTypes: [],
      emitSchemaFile: false,
    });
  }
  return built;
}

