import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../../api/src/local/demo-data';
import { errorCode, TestApi } from '../support/api';
import {
  act,
  approvalInput,
  CREATE_APPROVAL,
  createApproval,
  createProject,
  GET_APPROVAL,
  RECORD_JOINT,
  SUPPLY,
  shanghaiToday,
  tolerantFields,
  tryAct,
} from '../support/approvals';
import { createEnterprise } from '../support/fixtures';
import type { RecordData } from '../support/records';

const HISTORY = `query($id: ID!) { approval(id: $id) { history(first: 50) { nodes { action transition note actor { username } } } } }`;
const UPDATE = `mutation($input: UpdateApprovalInput!) { updateApproval(input: $input) { id version status itemName } }`;

const ALL_ACTIONS = [
  'ACCEPT',
  'ACCEPT_TOLERANT',
  'REQUEST_CORRECTION',
  'REFUSE',
  'RESUBMIT',
  'START_REVIEW',
  'PAUSE',
  'RESUME',
  'APPROVE',
  'REJECT',
  'ISSUE',
  'SUSPEND',
  'TERMINATE',
  'WITHDRAW',
];

/** What each action needs besides the record, when it needs anything. */
const fieldsOf: Record<string, Record<string, unknown>> = {
  ACCEPT_TOLERANT: tolerantFields(shanghaiToday()),
  REQUEST_CORRECTION: { note: '请补充建设项目用地预审意见' },
  REFUSE: { note: '不属于本部门职责范围' },
  PAUSE: { reason: 'EXPERT_REVIEW' },
  REJECT: { note: '不符合控制性详细规划' },
  TERMINATE: { note: '承诺材料逾期未补正' },
};

describe('approvals: lifecycle, fast tracks and access', () => {
  let api: TestApi;
  let station: string;
  let demoEnterprise: string;
  let project: RecordData;

  beforeAll(async () => {
    api = await TestApi.startWithDemoDirectory();
    demoEnterprise = (await api.data('admin', `query($code: String!) { enterpriseByCreditCode(creditCode: $code) { id stationId } }`, { code: DEMO_ENTERPRISE_CREDIT_CODE }))
      .enterpriseByCreditCode.id;
    station = (await api.data('admin', `query($id: ID!) { enterprise(id: $id) { stationId } }`, { id: demoEnterprise })).enterprise.stationId;
    project = await createProject(api, 'officer', demoEnterprise);
  }, 120_000);

  afterAll(async () => {
    await api?.stop();
  });

  /** A fresh approval of the demo enterprise's project walked to `state` by allowed actions. */
  async function approvalIn(state: string, projectId = project.id): Promise<RecordData> {
    let approval = await createApproval(api, 'enterprise-demo', projectId);
    const review: [string, Record<string, unknown>][] = [['ACCEPT', {}], ['START_REVIEW', {}]];
    const paths: Record<string, [string, Record<string, unknown>][]> = {
      SUBMITTED: [],
      ACCEPTED: [['ACCEPT', {}]],
      ACCEPTED_TOLERANT: [['ACCEPT_TOLERANT', fieldsOf.ACCEPT_TOLERANT!]],
      CORRECTION_REQUESTED: [['REQUEST_CORRECTION', fieldsOf.REQUEST_CORRECTION!]],
      NOT_ACCEPTED: [['REFUSE', fieldsOf.REFUSE!]],
      UNDER_REVIEW: review,
      PAUSED: [...review, ['PAUSE', fieldsOf.PAUSE!]],
      APPROVED: [...review, ['APPROVE', {}]],
      REJECTED: [...review, ['REJECT', fieldsOf.REJECT!]],
      ISSUED: [...review, ['APPROVE', {}], ['ISSUE', {}]],
      WITHDRAWN: [['WITHDRAW', {}]],
    };
    for (const [action, fields] of paths[state]!) approval = await act(api, 'officer', approval, action, fields);
    // As an administrator sees it (the actions offered depend on who reads).
    return (await api.data('admin', GET_APPROVAL, { id: approval.id })).approval;
  }

  it('takes an application from submission to the issued permit on a working-day clock, every step audited', async () => {
    const submitted = await createApproval(api, 'enterprise-demo', project.id);
    expect(submitted).toMatchObject({
      version: 1,
      status: 'SUBMITTED',
      enterpriseId: demoEnterprise,
      stationId: station,
      preReview: false,
      acceptanceMode: 'STANDARD',
      acceptedAt: null,
      dueOn: null,
      elapsedWorkingDays: null,
      overdue: false,
      materials: [
        { name: '建设用地规划许可申请表', status: 'PROVIDED', promisedBy: null, suppliedOn: null },
        { name: '土地出让合同', status: 'PROVIDED', promisedBy: null, suppliedOn: null },
      ],
    });
    expect(submitted.number).toMatch(/^SP20\d{2}-\d{6}$/);
    expect(submitted.availableActions).toEqual(['WITHDRAW']);

    const accepted = await act(api, 'officer', submitted, 'ACCEPT');
    expect(accepted).toMatchObject({ status: 'ACCEPTED', acceptanceMode: 'STANDARD', dueProvisional: false, elapsedWorkingDays: 0 });
    expect(accepted.dueOn > shanghaiToday()).toBe(true);
    expect(accepted.statutoryDueOn > accepted.dueOn).toBe(true);
    expect(accepted.calendarRevision).toEqual(expect.any(String));
    const reviewing = await act(api, 'officer', accepted, 'START_REVIEW');
    const paused = await act(api, 'officer', reviewing, 'PAUSE', { reason: 'SITE_SURVEY' });
    expect(paused).toMatchObject({ status: 'PAUSED', pauses: [{ to: null, reason: 'SITE_SURVEY' }] });
    const resumed = await act(api, 'officer', paused, 'RESUME');
    expect(resumed.pauses).toEqual([{ from: paused.pauses[0].from, to: expect.any(String), reason: 'SITE_SURVEY' }]);
    const approved = await act(api, 'officer', resumed, 'APPROVE');
    expect(approved).toMatchObject({ status: 'APPROVED', decidedAt: expect.any(String), availableActions: ['ISSUE', 'WITHDRAW'] });
    const issued = await act(api, 'officer', approved, 'ISSUE');
    expect(issued).toMatchObject({ status: 'ISSUED', issuedAt: expect.any(String), availableActions: [], overdue: false, elapsedWorkingDays: 0 });

    const history = (await api.data('officer', HISTORY, { id: submitted.id })).approval.history.nodes;
    expect(history.map((event: { transition: string | null; action: string }) => event.transition ?? event.action)).toEqual([
      'ISSUE',
      'APPROVE',
      'RESUME',
      'PAUSE',
      'START_REVIEW',
      'ACCEPT',
      'createApproval',
    ]);
    expect(history.at(-1).actor.username).toBe('enterprise-demo');
  });

  it('offers in every state exactly the actions of the lifecycle, takes each of them, and refuses the rest changing nothing', async () => {
    const expected: Record<string, { offered: string[]; leadsTo: Record<string, string> }> = {
      SUBMITTED: {
        offered: ['ACCEPT', 'ACCEPT_TOLERANT', 'REQUEST_CORRECTION', 'REFUSE', 'WITHDRAW'],
        leadsTo: { ACCEPT: 'ACCEPTED', ACCEPT_TOLERANT: 'ACCEPTED_TOLERANT', REQUEST_CORRECTION: 'CORRECTION_REQUESTED', REFUSE: 'NOT_ACCEPTED', WITHDRAW: 'WITHDRAWN' },
      },
      ACCEPTED: { offered: ['START_REVIEW', 'WITHDRAW'], leadsTo: { START_REVIEW: 'UNDER_REVIEW', WITHDRAW: 'WITHDRAWN' } },
      ACCEPTED_TOLERANT: { offered: ['START_REVIEW', 'WITHDRAW'], leadsTo: { START_REVIEW: 'UNDER_REVIEW', WITHDRAW: 'WITHDRAWN' } },
      CORRECTION_REQUESTED: { offered: ['RESUBMIT', 'WITHDRAW'], leadsTo: { RESUBMIT: 'SUBMITTED', WITHDRAW: 'WITHDRAWN' } },
      UNDER_REVIEW: {
        offered: ['PAUSE', 'APPROVE', 'REJECT', 'WITHDRAW'],
        leadsTo: { PAUSE: 'PAUSED', APPROVE: 'APPROVED', REJECT: 'REJECTED', WITHDRAW: 'WITHDRAWN' },
      },
      PAUSED: { offered: ['RESUME', 'WITHDRAW'], leadsTo: { RESUME: 'UNDER_REVIEW', WITHDRAW: 'WITHDRAWN' } },
      APPROVED: { offered: ['ISSUE', 'WITHDRAW'], leadsTo: { ISSUE: 'ISSUED', WITHDRAW: 'WITHDRAWN' } },
      NOT_ACCEPTED: { offered: [], leadsTo: {} },
      REJECTED: { offered: [], leadsTo: {} },
      ISSUED: { offered: [], leadsTo: {} },
      WITHDRAWN: { offered: [], leadsTo: {} },
    };

    for (const [state, { offered, leadsTo }] of Object.entries(expected)) {
      const approval = await approvalIn(state);
      expect(approval.availableActions, state).toEqual(offered);
      for (const action of ALL_ACTIONS.filter((candidate) => !offered.includes(candidate))) {
        const refused = await tryAct(api, 'admin', approval, action, fieldsOf[action] ?? {});
        expect(refused.errors?.[0]?.extensions, `${state} ${action}`).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: offered });
      }
      expect((await api.data('admin', GET_APPROVAL, { id: approval.id })).approval.version, state).toBe(approval.version);
      for (const action of offered) {
        const taken = await act(api, 'admin', await approvalIn(state), action, fieldsOf[action] ?? {});
        expect(taken.status, `${state} ${action}`).toBe(leadsTo[action]);
      }
    }
  }, 120_000);

  it('lets the applicant edit, resubmit and withdraw its own application, and nothing an officer decides', async () => {
    const correction = await approvalIn('CORRECTION_REQUESTED');
    expect(correction.availableActions).toEqual(['RESUBMIT', 'WITHDRAW']);
    const asApplicant = (await api.data('enterprise-demo', GET_APPROVAL, { id: correction.id })).approval;
    expect(asApplicant.availableActions).toEqual(['RESUBMIT', 'WITHDRAW']);
    const edited = (await api.data('enterprise-demo', UPDATE, { input: { id: correction.id, expectedVersion: correction.version, itemName: '建设用地规划许可证核发（补正）' } }))
      .updateApproval;
    const resubmitted = await act(api, 'enterprise-demo', edited, 'RESUBMIT');
    expect(resubmitted).toMatchObject({ status: 'SUBMITTED', itemName: '建设用地规划许可证核发（补正）', availableActions: ['WITHDRAW'] });
    const refused = await tryAct(api, 'enterprise-demo', resubmitted, 'ACCEPT');
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: ['WITHDRAW'] });
    const accepted = await act(api, 'officer', resubmitted, 'ACCEPT');
    const late = await api.graphql('enterprise-demo', UPDATE, { input: { id: accepted.id, expectedVersion: accepted.version, itemName: '改名' } });
    expect(errorCode(late)).toBe('FAILED_PRECONDITION');
    expect((await act(api, 'enterprise-demo', accepted, 'WITHDRAW')).status).toBe('WITHDRAWN');
  });

  it('accepts tolerantly (容缺) only with a commitment and owed materials promised by the due date, and never for a 失信 enterprise', async () => {
    const submitted = await approvalIn('SUBMITTED');
    const noCommitment = await tryAct(api, 'officer', submitted, 'ACCEPT_TOLERANT', { outstandingMaterials: [{ name: '消防设计审查意见', promisedBy: shanghaiToday() }] });
    expect(noCommitment.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'commitment', message: expect.any(String) }] });
    const nothingOwed = await tryAct(api, 'officer', submitted, 'ACCEPT_TOLERANT', { ...tolerantFields(shanghaiToday()), outstandingMaterials: [] });
    expect(nothingOwed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'outstandingMaterials', message: expect.any(String) }] });
    const tooLate = await tryAct(api, 'officer', submitted, 'ACCEPT_TOLERANT', tolerantFields(shanghaiToday(400)));
    expect(tooLate.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field: 'outstandingMaterials.0.promisedBy', message: expect.stringMatching(/^promisedBy must be on or before the promised due date \d{4}-\d{2}-\d{2}\.$/) }],
    });
    const commitmentOnly = await tryAct(api, 'officer', submitted, 'ACCEPT', { mode: 'COMMITMENT' });
    expect(commitmentOnly.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'commitment', message: expect.any(String) }] });
    expect((await api.data('officer', GET_APPROVAL, { id: submitted.id })).approval).toMatchObject({ version: submitted.version, status: 'SUBMITTED', materials: submitted.materials });

    const tolerant = await act(api, 'officer', submitted, 'ACCEPT_TOLERANT', tolerantFields(shanghaiToday(), ['消防设计审查意见', '人防工程设计文件']));
    expect(tolerant).toMatchObject({
      status: 'ACCEPTED_TOLERANT',
      acceptanceMode: 'TOLERANT',
      commitment: { signatory: '王建国', signedOn: shanghaiToday() },
      materials: [
        { name: '建设用地规划许可申请表', status: 'PROVIDED' },
        { name: '土地出让合同', status: 'PROVIDED' },
        { name: '消防设计审查意见', status: 'OUTSTANDING', promisedBy: shanghaiToday(), suppliedOn: null },
        { name: '人防工程设计文件', status: 'OUTSTANDING', promisedBy: shanghaiToday(), suppliedOn: null },
      ],
    });

    const pledged = await act(api, 'officer', await approvalIn('SUBMITTED'), 'ACCEPT', { mode: 'COMMITMENT', commitment: { signatory: '王建国', signedOn: shanghaiToday() } });
    expect(pledged).toMatchObject({ status: 'ACCEPTED', acceptanceMode: 'COMMITMENT', commitment: { signatory: '王建国' } });

    const dishonest = (await api.data('admin', `{ enterprises(filter: { creditStatus: [DISHONEST] }, first: 1) { nodes { id } } }`)).enterprises.nodes[0].id;
    const dishonestProject = await createProject(api, 'officer', dishonest);
    const application = await createApproval(api, 'officer', dishonestProject.id);
    expect(application.availableActions).toEqual(['ACCEPT', 'REQUEST_CORRECTION', 'REFUSE', 'WITHDRAW']);
    const refused = await tryAct(api, 'officer', application, 'ACCEPT_TOLERANT', tolerantFields(shanghaiToday()));
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: ['ACCEPT', 'REQUEST_CORRECTION', 'REFUSE', 'WITHDRAW'] });
  });

  it('issues a tolerant approval only once every owed material is supplied or waived', async () => {
    const tolerant = await act(api, 'officer', await approvalIn('SUBMITTED'), 'ACCEPT_TOLERANT', tolerantFields(shanghaiToday(), ['消防设计审查意见', '人防工程设计文件']));
    const approved = await act(api, 'officer', await act(api, 'officer', tolerant, 'START_REVIEW'), 'APPROVE');
    expect(approved.availableActions).toEqual(['WITHDRAW']);
    const early = await tryAct(api, 'officer', approved, 'ISSUE');
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'INVALID_TRANSITION', allowedActions: ['WITHDRAW'] });

    const waiveByApplicant = await api.graphql('enterprise-demo', SUPPLY, { input: { id: approved.id, expectedVersion: approved.version, materials: [{ name: '人防工程设计文件', waived: true }] } });
    expect(errorCode(waiveByApplicant)).toBe('FORBIDDEN');
    const unknown = await api.graphql('enterprise-demo', SUPPLY, { input: { id: approved.id, expectedVersion: approved.version, materials: [{ name: '环评批复' }] } });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'materials.0.name', message: expect.stringContaining('环评批复') }] });
    const supplied = (await api.data('enterprise-demo', SUPPLY, { input: { id: approved.id, expectedVersion: approved.version, materials: [{ name: '消防设计审查意见' }] } }))
      .supplyApprovalMaterials;
    expect(supplied.materials[2]).toEqual({ name: '消防设计审查意见', status: 'SUPPLIED', promisedBy: shanghaiToday(), suppliedOn: shanghaiToday() });
    expect(supplied.availableActions).toEqual(['WITHDRAW']);
    const waived = (await api.data('officer', SUPPLY, { input: { id: supplied.id, expectedVersion: supplied.version, materials: [{ name: '人防工程设计文件', waived: true }] } }))
      .supplyApprovalMaterials;
    expect(waived.materials[3]).toMatchObject({ name: '人防工程设计文件', status: 'WAIVED' });
    expect(waived.availableActions).toEqual(['ISSUE', 'WITHDRAW']);
    expect((await act(api, 'officer', waived, 'ISSUE')).status).toBe('ISSUED');

    const history = (await api.data('officer', HISTORY, { id: approved.id })).approval.history.nodes;
    expect(history.slice(0, 3).map((event: { transition: string | null; action: string }) => event.transition ?? event.action)).toEqual([
      'ISSUE',
      'supplyApprovalMaterials',
      'supplyApprovalMaterials',
    ]);
  });

  it('pre-reviews a 拿地即开工 project before its land contract and issues the permit only once it is signed', async () => {
    const plain = await createProject(api, 'officer', demoEnterprise, { landContractSignedOn: null });
    const refused = await api.graphql('officer', CREATE_APPROVAL, { input: approvalInput(plain.id) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FAILED_PRECONDITION');
    expect(refused.errors?.[0]?.message).toContain('拿地即开工');

    const fast = await createProject(api, 'officer', demoEnterprise, { landContractSignedOn: null, startUponLandAcquisition: true });
    const acceptance = await api.graphql('officer', CREATE_APPROVAL, { input: approvalInput(fast.id, { stage: 'COMPLETION_ACCEPTANCE', itemName: '联合验收' }) });
    expect(acceptance.errors?.[0]?.extensions?.code).toBe('FAILED_PRECONDITION');
    const preReview = await createApproval(api, 'officer', fast.id, { stage: 'CONSTRUCTION_PERMIT', itemName: '建筑工程施工许可证核发' });
    expect(preReview.preReview).toBe(true);
    const approved = await act(api, 'officer', await act(api, 'officer', await act(api, 'officer', preReview, 'ACCEPT'), 'START_REVIEW'), 'APPROVE');
    expect(approved.availableActions).toEqual(['WITHDRAW']);
    const early = await tryAct(api, 'officer', approved, 'ISSUE');
    expect(early.errors?.[0]).toMatchObject({
      message: expect.stringContaining('permits are issued on or after the land contract is signed'),
      extensions: { code: 'INVALID_TRANSITION', allowedActions: ['WITHDRAW'] },
    });

    await api.data('officer', `mutation($input: UpdateProjectInput!) { updateProject(input: $input) { id } }`, {
      input: { id: fast.id, expectedVersion: fast.version, landContractSignedOn: shanghaiToday() },
    });
    const now = (await api.data('officer', GET_APPROVAL, { id: approved.id })).approval;
    expect(now.availableActions).toEqual(['ISSUE', 'WITHDRAW']);
    expect((await act(api, 'officer', now, 'ISSUE')).status).toBe('ISSUED');
  });

  it('records a joint completion acceptance, settling first-pass on the first record and approving only when every check passed', async () => {
    const acceptance = await createApproval(api, 'officer', project.id, { stage: 'COMPLETION_ACCEPTANCE', itemName: '竣工联合验收', statutoryWorkingDays: 20, promisedWorkingDays: 10 });
    const early = await api.graphql('officer', RECORD_JOINT, { input: { id: acceptance.id, expectedVersion: 1, checks: [{ type: 'FIRE', result: 'PASSED' }] } });
    expect(errorCode(early)).toBe('FAILED_PRECONDITION');
    const reviewing = await act(api, 'officer', await act(api, 'officer', acceptance, 'ACCEPT'), 'START_REVIEW');
    const unchecked = await tryAct(api, 'officer', reviewing, 'APPROVE');
    expect(unchecked.errors?.[0]?.message).toContain('record the joint acceptance checks');
    const repeated = await api.graphql('officer', RECORD_JOINT, {
      input: { id: reviewing.id, expectedVersion: reviewing.version, checks: [{ type: 'FIRE', result: 'PASSED' }, { type: 'FIRE', result: 'RECTIFY' }] },
    });
    expect(repeated.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'checks', message: 'checks must not repeat a check type.' }] });
    const byApplicant = await api.graphql('enterprise-demo', RECORD_JOINT, { input: { id: reviewing.id, expectedVersion: reviewing.version, checks: [{ type: 'FIRE', result: 'PASSED' }] } });
    expect(errorCode(byApplicant)).toBe('FORBIDDEN');

    const first = (await api.data('officer', RECORD_JOINT, {
      input: {
        id: reviewing.id,
        expectedVersion: reviewing.version,
        checks: [
          { type: 'PLANNING', result: 'PASSED' },
          { type: 'FIRE', result: 'RECTIFY', note: '疏散指示标志不足' },
        ],
      },
    })).recordJointAcceptance;
    expect(first).toMatchObject({ firstPass: false, checks: [{ type: 'PLANNING', result: 'PASSED', note: null }, { type: 'FIRE', result: 'RECTIFY', note: '疏散指示标志不足' }] });
    expect(first.availableActions).toEqual(['PAUSE', 'REJECT', 'WITHDRAW']);
    const rectified = (await api.data('officer', RECORD_JOINT, {
      input: { id: first.id, expectedVersion: first.version, checks: [{ type: 'PLANNING', result: 'PASSED' }, { type: 'FIRE', result: 'PASSED' }] },
    })).recordJointAcceptance;
    expect(rectified).toMatchObject({ firstPass: false, availableActions: ['PAUSE', 'APPROVE', 'REJECT', 'WITHDRAW'] });
    expect((await act(api, 'officer', rectified, 'APPROVE')).status).toBe('APPROVED');
  });

  it('shows a project its approvals by stage and its total working days', async () => {
    const own = await createProject(api, 'officer', demoEnterprise);
    const land = await createApproval(api, 'officer', own.id);
    const planning = await createApproval(api, 'officer', own.id, { stage: 'ENGINEERING_PLANNING', itemName: '建设工程规划许可证核发' });
    await createApproval(api, 'officer', own.id, { stage: 'ENGINEERING_PLANNING', itemName: '人防工程设计审查' });
    await act(api, 'officer', await act(api, 'officer', land, 'ACCEPT'), 'START_REVIEW');

    const read = (await api.data('staff-jr', `query($id: ID!) { project(id: $id) { enterprise { id } totalWorkingDays
        stages { stage workingDays approvals { id itemName } } approvals(first: 10) { totalCount nodes { id } } } }`, { id: own.id })).project;
    expect(read.enterprise.id).toBe(demoEnterprise);
    expect(read.stages).toEqual([
      { stage: 'LAND_USE_PLANNING', workingDays: 0, approvals: [{ id: land.id, itemName: '建设用地规划许可证核发' }] },
      { stage: 'ENGINEERING_PLANNING', workingDays: null, approvals: [{ id: planning.id, itemName: '建设工程规划许可证核发' }, { id: expect.any(String), itemName: '人防工程设计审查' }] },
    ]);
    expect(read.totalWorkingDays).toBe(0);
    expect(read.approvals.totalCount).toBe(3);
    const fromEnterprise = (
      await api.data('enterprise-demo', `query($id: ID!, $code: String, $project: ID!) { enterprise(id: $id) {
        projects(filter: { q: $code }) { nodes { id } } approvals(filter: { projectId: $project }) { totalCount } } }`, { id: demoEnterprise, code: own.code, project: own.id })
    ).enterprise;
    expect(fromEnterprise).toEqual({ projects: { nodes: [{ id: own.id }] }, approvals: { totalCount: 3 } });
  });

  it('lets officers decide, applicants submit their own, station staff read their enterprises’, viewers read', async () => {
    const other = await createEnterprise(api, (await api.data('admin', `{ stations(filter: { q: "中南" }) { nodes { id } } }`)).stations.nodes[0].id);
    const otherProject = await createProject(api, 'officer', other.id);
    // Another enterprise's project is not there for an enterprise user, as if it did not exist.
    const foreign = await api.graphql('enterprise-demo', CREATE_APPROVAL, { input: approvalInput(otherProject.id) });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fieldErrors: [{ field: 'projectId', message: `There is no project with id ${otherProject.id}.` }] });
    const byStaff = await api.graphql('staff-jr', CREATE_APPROVAL, { input: approvalInput(project.id) });
    expect(errorCode(byStaff)).toBe('FORBIDDEN');
    const byViewer = await api.graphql('viewer', CREATE_APPROVAL, { input: approvalInput(project.id) });
    expect(errorCode(byViewer)).toBe('FORBIDDEN');

    const own = await createApproval(api, 'enterprise-demo', project.id);
    const theirs = await createApproval(api, 'officer', otherProject.id);
    for (const [user, seesOwn, seesTheirs] of [
      ['admin', true, true],
      ['officer', true, true],
      ['viewer', true, true],
      ['staff-jr', true, false],
      ['staff-zn', false, true],
      ['enterprise-demo', true, false],
      ['operator', true, true],
    ] as const) {
      for (const [approval, sees] of [
        [own, seesOwn],
        [theirs, seesTheirs],
      ] as const) {
        const read = await api.graphql<{ approval: { id: string; availableActions: string[] } }>(user, GET_APPROVAL, { id: approval.id });
        if (sees) expect(read.data?.approval.id, `${user} reads ${approval.number}`).toBe(approval.id);
        else expect(errorCode(read), `${user} reads ${approval.number}`).toBe('NOT_FOUND');
      }
    }
    const asStaff = (await api.data('staff-jr', GET_APPROVAL, { id: own.id })).approval;
    expect(asStaff.availableActions).toEqual([]);
    expect(errorCode(await tryAct(api, 'staff-jr', own, 'WITHDRAW'))).toBe('FORBIDDEN');
    expect(errorCode(await tryAct(api, 'viewer', own, 'WITHDRAW'))).toBe('FORBIDDEN');
    expect(errorCode(await tryAct(api, 'enterprise-demo', theirs, 'WITHDRAW'))).toBe('NOT_FOUND');
    const history = await api.graphql('enterprise-demo', HISTORY, { id: own.id });
    expect(errorCode(history)).toBe('FORBIDDEN');
  });

  it('lets one of two concurrent decisions on an approval win and the other fail with CONFLICT', async () => {
    const reviewing = await approvalIn('UNDER_REVIEW');
    const [approve, reject] = await Promise.all([tryAct(api, 'officer', reviewing, 'APPROVE'), tryAct(api, 'admin', reviewing, 'REJECT', fieldsOf.REJECT)]);
    const outcomes = [approve, reject].map((result) => (result.errors ? errorCode(result) : 'OK')).sort();
    expect(outcomes).toEqual(['CONFLICT', 'OK']);
    const final = (await api.data('officer', GET_APPROVAL, { id: reviewing.id })).approval;
    expect(final.version).toBe(reviewing.version + 1);
    expect(final.status).toBe(approve.errors ? 'REJECTED' : 'APPROVED');
    const history = (await api.data('officer', HISTORY, { id: reviewing.id })).approval.history.nodes;
    expect(history.filter((event: { transition: string | null }) => event.transition === 'APPROVE' || event.transition === 'REJECT')).toHaveLength(1);
  });
});
