import { AppealType, clockStartsAt, complexCategories, enumLabels, ServiceCategory, ServiceChannel, type ServiceLevels } from '@yizhan/shared';
import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access';
import type { Context } from '../context';
import { ServiceCatalog } from './service-catalog.type';

const catalogs = new WeakMap<ServiceLevels, ServiceCatalog>();

/** The catalogue for the service levels in force; built once per process. */
function catalogOf(levels: ServiceLevels): ServiceCatalog {
  let catalog = catalogs.get(levels);
  if (!catalog) {
    catalog = {
      categories: Object.values(ServiceCategory).map((value) => ({
        value,
        labelZh: enumLabels.ServiceCategory[value]['zh-CN'],
        labelEn: enumLabels.ServiceCategory[value].en,
        dueWorkingDays: complexCategories.has(value) ? levels.complexDueWorkingDays : levels.dueWorkingDays.STATION,
      })),
      channels: Object.values(ServiceChannel).map((value) => ({
        value,
        labelZh: enumLabels.ServiceChannel[value]['zh-CN'],
        labelEn: enumLabels.ServiceChannel[value].en,
        dueWorkingDays: levels.dueWorkingDays[value],
        clockStartsAt: clockStartsAt(value),
      })),
      appealTypes: Object.values(AppealType).map((value) => ({
        value,
        labelZh: enumLabels.AppealType[value]['zh-CN'],
        labelEn: enumLabels.AppealType[value].en,
      })),
    };
    catalogs.set(levels, catalog);
  }
  return catalog;
}

@Resolver(() => ServiceCatalog)
export class ServiceCatalogResolver {
  @Authorized(Access.PUBLIC)
  @Query(() => ServiceCatalog, { description: 'Service categories, channels and appeal types with labels and time limits (those in force).' })
  serviceCatalog(@Ctx() { settings }: Context): ServiceCatalog {
    return catalogOf(settings.serviceLevels);
  }
}
