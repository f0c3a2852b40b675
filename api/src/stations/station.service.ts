import { type RecordOf, stationEntity } from '@yizhan/shared';
import { RecordService, type ServiceContext } from '../common/record-service';
import type { RecordStore } from '../store/entity-store';

/** A 政务服务驿站 as stored. */
export type StationRecord = RecordOf<typeof stationEntity>;

/** Stations: anyone may see active ones; only administrators create and change them. */
export class StationService extends RecordService<typeof stationEntity> {
  constructor(store: RecordStore<StationRecord>, context: ServiceContext) {
    super(stationEntity, store, context, { displayName: (station) => `Station ${station.code}` });
  }
}
