import { ApprovalStage, approvalEntity } from '@yizhan/shared';
import { EditButton, Show, TabbedShowLayout, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { StatusActions } from '../actions/StatusActions';
import { declaredFields } from '../declared/DeclaredField';
import { DueField } from '../declared/DueField';
import { FlagChip } from '../declared/FlagChip';
import { ObjectListField } from '../declared/ObjectListField';
import { useHistoryTab } from '../history/RecordHistory';
import { JointAcceptanceButton } from './JointAcceptanceButton';
import { SupplyMaterialsButton } from './SupplyMaterialsButton';

const field = declaredFields(approvalEntity);

/** The approval's writes the viewer may make now: its status actions, materials supplied, joint checks recorded, then edit. */
function ApprovalShowActions() {
  const record = useRecordContext();
  const { canAccess: mayAct } = useCanAccess({ action: 'transition', resource: approvalEntity.plural, record });
  return (
    <TopToolbar sx={{ alignItems: 'center', gap: 1 }}>
      <StatusActions entity={approvalEntity} />
      {mayAct && <SupplyMaterialsButton />}
      {mayAct && <JointAcceptanceButton />}
      <EditButton />
    </TopToolbar>
  );
}

/** The joint checks recorded so far, marked when they all passed the first time. */
function JointChecks() {
  const translate = useTranslate();
  return (
    <>
      <FlagChip entity={approvalEntity} source="firstPass" />
      <ObjectListField entity={approvalEntity} source="checks" empty={translate('yizhan.approvals.no_checks')} />
    </>
  );
}

/** The approval's tabs; the joint checks only for a joint completion acceptance (inside the page's record context, to know the stage). */
function ApprovalTabs() {
  const record = useRecordContext();
  const historyTab = useHistoryTab(approvalEntity.plural);
  const translate = useTranslate();
  return (
    <TabbedShowLayout>
      <TabbedShowLayout.Tab label="yizhan.detail.summary">
        {['number', 'itemName', 'stage', 'status', 'acceptanceMode'].map(field)}
        <FlagChip entity={approvalEntity} source="preReview" />
        {['projectId', 'enterpriseId', 'department', 'submittedAt'].map(field)}
        <DueField entity={approvalEntity} source="dueOn" />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="yizhan.clock.tab" path="clock">
        {['acceptedAt'].map(field)}
        <DueField entity={approvalEntity} source="dueOn" />
        {['statutoryDueOn', 'promisedWorkingDays', 'statutoryWorkingDays', 'elapsedWorkingDays', 'decidedAt', 'issuedAt', 'suspendedAt'].map(field)}
        <ObjectListField entity={approvalEntity} source="pauses" empty={translate('yizhan.approvals.no_pauses')} />
      </TabbedShowLayout.Tab>
      <TabbedShowLayout.Tab label="yizhan.approvals.materials_tab" path="materials">
        <ObjectListField entity={approvalEntity} source="materials" />
        {['earliestPromisedBy', 'commitment.signatory', 'commitment.signedOn'].map(field)}
      </TabbedShowLayout.Tab>
      {record?.stage === ApprovalStage.COMPLETION_ACCEPTANCE && (
        <TabbedShowLayout.Tab label="yizhan.approvals.checks_tab" path="checks">
          <JointChecks />
        </TabbedShowLayout.Tab>
      )}
      {historyTab}
    </TabbedShowLayout>
  );
}

/** An approval: the item, its clock (due, statutory due, working days, pauses), its 容缺 materials and commitment, joint checks, history. */
export function ApprovalShow() {
  return (
    <Show actions={<ApprovalShowActions />}>
      <ApprovalTabs />
    </Show>
  );
}
