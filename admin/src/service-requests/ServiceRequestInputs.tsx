import { Role, ServiceChannel, serviceRequestEntity } from '@yizhan/shared';
import { usePermissions } from 'react-admin';
import type { Permissions } from '../authProvider/permissions';
import { DeclaredForm } from '../declared/DeclaredForm';

const ABOUT = ['category', 'appealType', 'title', 'description', 'enterpriseId', 'requester'];

/** What a request records on each channel: a 12345 ticket its platform number and time, a station service its station, a visit the visit too. */
const INPUTS_BY_CHANNEL: Readonly<Record<string, readonly string[]>> = {
  [ServiceChannel.HOTLINE]: ['channel', 'externalNumber', 'receivedAt', ...ABOUT],
  [ServiceChannel.STATION]: ['channel', 'stationId', ...ABOUT, 'outcome'],
  [ServiceChannel.ONSITE]: ['channel', 'stationId', ...ABOUT, 'visit', 'outcome'],
  [ServiceChannel.ONLINE]: ['channel', ...ABOUT],
};

const inputsFor = (values: Readonly<Record<string, unknown>>) => INPUTS_BY_CHANNEL[String(values.channel)] ?? ['channel'];

/** The channel a new request starts on: the hotline for operators, the station for station staff. */
function defaultChannel(permissions: Permissions | undefined): string {
  return permissions?.roles.includes(Role.STAFF) ? ServiceChannel.STATION : ServiceChannel.HOTLINE;
}

/** The one request form, used by Create and Edit alike; its inputs follow the channel. */
export function ServiceRequestInputs({ mode }: { mode: 'create' | 'edit' }) {
  const { permissions } = usePermissions<Permissions>();
  const defaultValues = mode === 'create' ? { channel: defaultChannel(permissions) } : undefined;
  return <DeclaredForm entity={serviceRequestEntity} mode={mode} inputs={inputsFor} defaultValues={defaultValues} />;
}
