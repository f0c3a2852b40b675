import type { RecordOf, serviceRequestEntity } from '@yizhan/shared';

/** A 服务工单 as stored. */
export type ServiceRequestRecord = RecordOf<typeof serviceRequestEntity>;
