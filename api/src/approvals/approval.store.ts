import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { approvalEntity } from '@yizhan/shared';
import { EntityLayout } from '../store/entity-layout';
import { NumberedRecordStore } from '../store/numbered-store';
import type { ApprovalRecord } from './approval.model';

/** Approvals, numbered per year of submission: `SP2026-000045`. */
export class ApprovalStore extends NumberedRecordStore<ApprovalRecord> {
  constructor(client: DynamoDBDocumentClient, tableName: string) {
    super(client, tableName, new EntityLayout(approvalEntity));
    this.numbering = { prefix: 'SP', countedFrom: (approval) => approval.submittedAt };
  }
}
