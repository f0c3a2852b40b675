import { approvalEntity, enterpriseEntity, projectEntity, serviceRequestEntity, stationEntity } from '@yizhan/shared';

/** The react-admin resource of each entity type an id field may reference (`references: 'Station'`). */
export const resourceOfEntity: Readonly<Record<string, string>> = Object.fromEntries(
  [stationEntity, enterpriseEntity, serviceRequestEntity, projectEntity, approvalEntity].map((entity) => [entity.name, entity.plural]),
);
