import type { approvalEntity, RecordOf } from '@yizhan/shared';

/** A 审批事项 as stored. */
export type ApprovalRecord = RecordOf<typeof approvalEntity>;
