import { enterpriseEntity, normalizeCreditCode, type RecordOf, StationStatus, validateCreditCode } from '@yizhan/shared';
import { RecordService, type ServiceContext } from '../common/record-service';
import { BadUserInputError, NotFoundError } from '../errors';
import type { StationService } from '../stations/station.service';
import type { RecordStore } from '../store/entity-store';

/** A 经营主体 as stored. */
export type EnterpriseRecord = RecordOf<typeof enterpriseEntity>;

/**
 * Enterprises: park-wide roles see all; STAFF the enterprises of their stations; an ENTERPRISE
 * user its own. Each is served by an open station.
 */
export class EnterpriseService extends RecordService<typeof enterpriseEntity> {
  constructor(store: RecordStore<EnterpriseRecord>, stations: StationService, context: ServiceContext) {
    super(enterpriseEntity, store, context, {
      displayName: (enterprise) => enterprise.name,
      checkValues: async ({ stationId }, before) => {
        if (stationId === undefined || stationId === before?.stationId) return;
        const station = await stations.load(stationId);
        if (!station) throw BadUserInputError.field('stationId', `There is no station with id ${stationId}.`);
        if (station.status === StationStatus.CLOSED) {
          throw BadUserInputError.field('stationId', `Station ${station.code} is closed and takes no enterprises.`);
        }
      },
    });
  }

  /** The enterprise with this credit code, typed as people type it; NOT_FOUND outside the viewer's scope. */
  async getByCreditCode(creditCode: string): Promise<EnterpriseRecord> {
    const code = normalizeCreditCode(creditCode);
    const validation = validateCreditCode(code);
    if (!validation.valid) {
      throw BadUserInputError.field('creditCode', `creditCode is not a valid Unified Social Credit Code: ${validation.reason}`);
    }
    const enterprise = await this.findByUnique('creditCode', code);
    if (!enterprise) throw new NotFoundError(enterpriseEntity.name, code);
    return enterprise;
  }
}
