import {
  AppealType,
  clockStartsAt,
  dueWorkingDaysByChannel,
  dueWorkingDaysOfCategory,
  enumLabels,
  ServiceCategory,
  ServiceChannel,
} from '@yizhan/shared';
import { Authorized, Query, Resolver } from 'type-graphql';
import { Access } from '../auth/access';
import { ServiceCatalog } from './service-catalog.type';

/** Built once: the catalogue is the same for every caller. */
const catalog: ServiceCatalog = {
  categories: Object.values(ServiceCategory).map((value) => ({
    value,
    labelZh: enumLabels.ServiceCategory[value]['zh-CN'],
    labelEn: enumLabels.ServiceCategory[value].en,
    dueWorkingDays: dueWorkingDaysOfCategory(value),
  })),
  channels: Object.values(ServiceChannel).map((value) => ({
    value,
    labelZh: enumLabels.ServiceChannel[value]['zh-CN'],
    labelEn: enumLabels.ServiceChannel[value].en,
    dueWorkingDays: dueWorkingDaysByChannel[value],
    clockStartsAt: clockStartsAt(value),
  })),
  appealTypes: Object.values(AppealType).map((value) => ({
    value,
    labelZh: enumLabels.AppealType[value]['zh-CN'],
    labelEn: enumLabels.AppealType[value].en,
  })),
};

@Resolver(() => ServiceCatalog)
export class ServiceCatalogResolver {
  @Authorized(Access.PUBLIC)
  @Query(() => ServiceCatalog, { description: 'Service categories, channels and appeal types with labels and time limits.' })
  serviceCatalog(): ServiceCatalog {
    return catalog;
  }
}
