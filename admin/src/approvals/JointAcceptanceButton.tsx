import { ApprovalStage, ApprovalStatus, JointCheckType, jointAcceptanceFields } from '@yizhan/shared';
import { useDataProvider, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { DeclaredActionButton } from '../actions/DeclaredActionButton';
import type { YizhanDataProvider } from '../dataProvider/dataProvider';

/**
 * 联合验收: records the departments' checks of a joint completion acceptance under review. The
 * dialog starts with the checks recorded so far, or one line per check type to fill in.
 */
export function JointAcceptanceButton() {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  if (!record || record.stage !== ApprovalStage.COMPLETION_ACCEPTANCE || record.status !== ApprovalStatus.UNDER_REVIEW) return null;
  const recorded = (record.checks ?? []) as Record<string, unknown>[];
  const checks = recorded.length > 0 ? recorded : Object.values(JointCheckType).map((type) => ({ type }));
  const send = (input: Record<string, unknown>) => dataProvider.command(resource, 'recordJointAcceptance', { ...input, id: record.id, expectedVersion: record.version });
  return <DeclaredActionButton id="joint-acceptance" label={translate('yizhan.approvals.record_checks')} fields={jointAcceptanceFields} initial={{ checks }} send={send} />;
}
