import { randomInt } from 'node:crypto';
import type { TestApi } from './api';
import { type RecordData, transitionsOf } from './records';

export const REQUEST_FIELDS = `id version number channel category title status stationId enterpriseId receivedAt clockStartedAt dueAt dueProvisional overdue
  assignedUnit signedAt dispatchedAt repliedAt closedAt reply reopenCount returnCount escalation availableActions
  requester { name phone anonymous } callback { attempts reached rating resolved } extensions { workingDays reason by }
  outcome { issueResolved jobsFilled financingAmount } repeatOf { id number }`;

const CREATE = `mutation($input: CreateServiceRequestInput!) { createServiceRequest(input: $input) { ${REQUEST_FIELDS} } }`;

/** A mobile number no other test uses, so repeat detection does not link unrelated tests. */
export function newMobile(): string {
  return `139${String(randomInt(100_000_000)).padStart(8, '0')}`;
}

export function requestInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    channel: 'HOTLINE',
    category: 'EMPLOYMENT',
    appealType: 'HELP',
    title: `招工难，请求协助${randomInt(1_000_000)}`,
    description: '企业扩产需要招聘操作工 30 名。',
    requester: { name: '刘女士', phone: newMobile() },
    ...overrides,
  };
}

/** A request as the tests read it back: the fields they need typed, the rest walked freely. */
export type RequestData = RecordData;

export async function createRequest(api: TestApi, as: string, overrides: Record<string, unknown> = {}): Promise<RequestData> {
  return (await api.data(as, CREATE, { input: requestInput(overrides) })).createServiceRequest;
}

export const { act, tryAct } = transitionsOf('ServiceRequest', REQUEST_FIELDS);

export const CREATE_REQUEST = CREATE;
