import { randomInt } from 'node:crypto';
import { shanghaiDate } from '@yizhan/shared';
import type { TestApi } from './api';
import { type RecordData, transitionsOf } from './records';

const PROJECT_FIELDS = `id version code name status enterpriseId stationId landContractSignedOn startUponLandAcquisition availableActions`;

const APPROVAL_FIELDS = `id version number projectId enterpriseId stationId stage itemName status acceptanceMode preReview
  statutoryWorkingDays promisedWorkingDays submittedAt acceptedAt decidedAt issuedAt suspendedAt dueOn statutoryDueOn dueProvisional calendarRevision
  elapsedWorkingDays overdue firstPass availableActions commitment { signatory signedOn }
  materials { name status promisedBy suppliedOn } pauses { from to reason } checks { type result note }`;

/** A project code no other test uses. */
function newProjectCode(): string {
  return `2026-430300-44-01-${String(randomInt(1_000_000)).padStart(6, '0')}`;
}

export function projectInput(enterpriseId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: newProjectCode(),
    name: `智能制造产业化项目${randomInt(1_000_000)}`,
    enterpriseId,
    landParcelNo: 'XT-2026-017',
    landContractSignedOn: '2026-03-02',
    investmentType: 'SOCIAL',
    startUponLandAcquisition: false,
    ...overrides,
  };
}

export async function createProject(api: TestApi, as: string, enterpriseId: string, overrides: Record<string, unknown> = {}): Promise<RecordData> {
  const mutation = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
  return (await api.data(as, mutation, { input: projectInput(enterpriseId, overrides) })).createProject;
}

export function approvalInput(projectId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    projectId,
    stage: 'LAND_USE_PLANNING',
    itemName: '建设用地规划许可证核发',
    department: '市自然资源和规划局高新分局',
    statutoryWorkingDays: 20,
    promisedWorkingDays: 5,
    submittedMaterials: [{ name: '建设用地规划许可申请表' }, { name: '土地出让合同' }],
    ...overrides,
  };
}

export const CREATE_APPROVAL = `mutation($input: CreateApprovalInput!) { createApproval(input: $input) { ${APPROVAL_FIELDS} } }`;
export const GET_APPROVAL = `query($id: ID!) { approval(id: $id) { ${APPROVAL_FIELDS} } }`;
export const SUPPLY = `mutation($input: SupplyApprovalMaterialsInput!) { supplyApprovalMaterials(input: $input) { ${APPROVAL_FIELDS} } }`;
export const RECORD_JOINT = `mutation($input: RecordJointAcceptanceInput!) { recordJointAcceptance(input: $input) { ${APPROVAL_FIELDS} } }`;

export async function createApproval(api: TestApi, as: string, projectId: string, overrides: Record<string, unknown> = {}): Promise<RecordData> {
  return (await api.data(as, CREATE_APPROVAL, { input: approvalInput(projectId, overrides) })).createApproval;
}

export const { act, tryAct } = transitionsOf('Approval', APPROVAL_FIELDS);

/** Today in Asia/Shanghai, and a day some calendar days from it. */
export function shanghaiToday(offsetDays = 0): string {
  return shanghaiDate(new Date(Date.now() + offsetDays * 86_400_000));
}

/** The fields of a 容缺 acceptance: a commitment and materials owed by `promisedBy`. */
export function tolerantFields(promisedBy: string, names: readonly string[] = ['消防设计审查意见']): Record<string, unknown> {
  return {
    commitment: { signatory: '王建国', signedOn: shanghaiToday() },
    outstandingMaterials: names.map((name) => ({ name, promisedBy })),
  };
}
