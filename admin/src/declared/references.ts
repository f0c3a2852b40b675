import { enterpriseEntity, stationEntity } from '@yizhan/shared';

/** The react-admin resource of each entity type an id field may reference (`references: 'Station'`). */
export const resourceOfEntity: Readonly<Record<string, string>> = {
  [stationEntity.name]: stationEntity.plural,
  [enterpriseEntity.name]: enterpriseEntity.plural,
};
