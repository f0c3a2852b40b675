import { approvalEntity, enterpriseEntity, projectEntity, serviceRequestEntity } from '@yizhan/shared';
import { Show, TabbedShowLayout } from 'react-admin';
import { RecordShowActions } from '../actions/RecordShowActions';
import { declaredFields } from '../declared/DeclaredField';
import { useHistoryTab } from '../history/RecordHistory';
import { RelatedRecords } from '../related/RelatedRecords';
import { StationCard } from '../stations/StationCard';

const SERVICE_REQUEST_COLUMNS = ['number', 'title', 'category', 'channel', 'status', 'receivedAt'];
const PROJECT_COLUMNS = ['code', 'name', 'investmentType', 'status', 'createdAt'];
const APPROVAL_COLUMNS = ['number', 'itemName', 'stage', 'department', 'status', 'createdAt'];

const field = declaredFields(enterpriseEntity);

/** An enterprise: its record, its serving station, and its history. */
export function EnterpriseShow() {
  const historyTab = useHistoryTab(enterpriseEntity.plural);
  return (
    <Show actions={<RecordShowActions entity={enterpriseEntity} />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="yizhan.detail.summary">
          {['name', 'creditCode', 'entityType', 'status', 'legalRepresentative', 'industry', 'address', 'establishedOn', 'registeredCapital', 'employees'].map(field)}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.detail.tags" path="tags">
          {['tags', 'creditStatus', 'registeredViaStation', 'createdAt', 'updatedAt'].map(field)}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.detail.contacts" path="contacts">
          {['steward.name', 'steward.phone', 'contact.name', 'contact.phone'].map(field)}
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.related.station" path="station">
          <StationCard source="stationId" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.related.records" path="related">
          <RelatedRecords entity={serviceRequestEntity} connection="serviceRequests" columns={SERVICE_REQUEST_COLUMNS} />
          <RelatedRecords entity={projectEntity} connection="projects" columns={PROJECT_COLUMNS} />
          <RelatedRecords entity={approvalEntity} connection="approvals" columns={APPROVAL_COLUMNS} />
        </TabbedShowLayout.Tab>
        {historyTab}
      </TabbedShowLayout>
    </Show>
  );
}
