import { serviceRequestEntity } from '@yizhan/shared';
import { Show, TabbedShowLayout } from 'react-admin';
import { RecordShowActions } from '../actions/RecordShowActions';
import { declaredFields } from '../declared/DeclaredField';
import { DueField } from '../declared/DueField';
import { ObjectListField } from '../declared/ObjectListField';
import { useHistoryTab } from '../history/RecordHistory';
import { ServiceRequestTimeline } from './ServiceRequestTimeline';

const field = declaredFields(serviceRequestEntity);
const due = <DueField key="dueAt" entity={serviceRequestEntity} source="dueAt" />;

/** A request: what was asked, its clock, the timeline of its handling, the reply and callback, its history; the actions it offers now. */
export function ServiceRequestShow() {
  const historyTab = useHistoryTab(serviceRequestEntity.plural);
  return (
    <Show actions={<RecordShowActions entity={serviceRequestEntity} />}>
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="yizhan.detail.summary">
          {['number', 'title', 'status', 'channel', 'category', 'appealType'].map(field)}
          {due}
          {['stationId', 'enterpriseId', 'assignedUnit', 'requester.name', 'requester.phone', 'externalNumber', 'description'].map(field)}
        </TabbedShowLayout.Tab>
        {historyTab && (
          <TabbedShowLayout.Tab label="yizhan.timeline.tab" path="timeline">
            <ServiceRequestTimeline />
          </TabbedShowLayout.Tab>
        )}
        <TabbedShowLayout.Tab label="yizhan.clock.tab" path="clock">
          {['receivedAt', 'dispatchedAt', 'signedAt', 'clockStartedAt'].map(field)}
          {due}
          {['repliedAt', 'closedAt', 'handlingWorkingDays', 'escalation', 'reopenCount', 'returnCount'].map(field)}
          <ObjectListField entity={serviceRequestEntity} source="extensions" />
        </TabbedShowLayout.Tab>
        <TabbedShowLayout.Tab label="yizhan.detail.reply" path="reply">
          {['reply', 'outcome.issueResolved', 'outcome.jobsFilled', 'outcome.financingAmount'].map(field)}
          {['callback.reached', 'callback.rating', 'callback.resolved', 'callback.attempts', 'callback.at'].map(field)}
        </TabbedShowLayout.Tab>
        {historyTab}
      </TabbedShowLayout>
    </Show>
  );
}
