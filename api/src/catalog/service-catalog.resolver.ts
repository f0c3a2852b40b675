import { Authorized, Query, Resolver } from 'type-graphql';
import {
  AppealType,
  complexCategories,
  COMPLEX_DUE_WORKING_DAYS,
  DEFAULT_DUE_WORKING_DAYS,
  dueWorkingDaysByChannel,
  enumLabels,
  ServiceCategory,
  ServiceChannel,
} from '@yizhan/shared';
import { Access } from '../auth/access';
import { ServiceCatalog } from './service-catalog.type';

/** Built once: the catalogue is the same for every caller. */
const catalog: ServiceCatalog = {
  categories: Object.values(ServiceCategory).map((value) => ({
    value,
    labelZh: enumLabels.ServiceCategory[value]['zh-CN'],
    labelEn: enumLabels.ServiceCategory[value].en,
    dueWorkingDays: complexCategories.has(value) ? COMPLEX_DUE_WORKING_DAYS : DEFAULT_DUE_WORKING_DAYS,
  })),
  channels: Object.values(ServiceChannel).map((value) => ({
    value,
    labelZh: enumLabels.ServiceChannel[value]['zh-CN'],
    labelEn: enumLabels.ServiceChannel[value].en,
    dueWorkingDays: dueWorkingDaysByChannel[value],
    clockStartsAt: value === ServiceChannel.HOTLINE ? 'SIGNED' : 'RECEIVED',
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
