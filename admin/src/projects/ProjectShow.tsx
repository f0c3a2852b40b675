import { projectEntity } from '@yizhan/shared';
import { Show, TabbedShowLayout } from 'react-admin';
import { RecordShowActions } from '../actions/RecordShowActions';
import { declaredFields } from '../declared/DeclaredField';
import { FlagChip } from '../declared/FlagChip';
import { useHistoryTab } from '../history/RecordHistory';
import { ProjectStages } from './ProjectStages';

const field = declaredFields(projectEntity);

/** A project: its record (拿地即开工 marked), its approvals by stage with the working days they took, its history. */
export function ProjectShow() {
  const historyTab = useHistoryTab(projectEntity.plural);
  return (
    <Show actions={<RecordShowActions entity={projectEntity} />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="yizhan.detail.summary">
          {['code', 'name', 'status'].map(field)}
          <FlagChip entity={projectEntity} source="startUponLandAcquisition" />
          {['enterpriseId', 'investmentType', 'agentService', 'landParcelNo', 'landContractSignedOn', 'promisedTotalWorkingDays'].map(field)}
          {['plannedStartOn', 'actualStartOn', 'completedOn', 'stationId', 'createdAt'].map(field)}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.projects.stages_tab" path="stages">
          <ProjectStages />
        </TabbedShowLayout.Tab>
        {historyTab}
      </TabbedShowLayout>
    </Show>
  );
}
