import type { ServiceCategory, StationStatus } from '@yizhan/shared';
import type { GeoPointValue } from '../common/values';
import type { RecordMeta } from '../store/entity-store';

/** A 政务服务驿站 as stored. */
export interface StationRecord extends RecordMeta {
  readonly code: string;
  readonly name: string;
  readonly park: string;
  readonly address: string;
  readonly phone: string;
  readonly openingHours: string;
  readonly openedOn: string;
  readonly serviceCategories: readonly ServiceCategory[];
  readonly location: GeoPointValue | null;
  readonly description: string;
  readonly status: StationStatus;
}

export const STATION = 'Station';
