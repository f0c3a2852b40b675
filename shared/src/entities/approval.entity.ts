import { Role } from '../enums';
import { defineEntity } from '../fields/entity';
import { boolean, date, dateTime, enumOf, type Fields, id, integer, object, objectList, shape, text } from '../fields/field';
import { approvalMachine } from '../machines/approval.machine';

/** States in which an approval's clock runs toward its promised due date. */
export const CLOCKED_APPROVAL_STATES: readonly string[] = ['ACCEPTED', 'ACCEPTED_TOLERANT', 'UNDER_REVIEW'];

/** The applicant's written commitment (承诺书) behind 容缺受理 or 告知承诺. */
export const commitment = shape('Commitment', {
  signatory: text({ label: { 'zh-CN': '承诺人', en: 'Signatory' }, required: true, maxLength: 50 }),
  signedOn: date({ label: { 'zh-CN': '签署日期', en: 'Signed on' }, required: true, notInFuture: true }),
});

/** A material handed in with the application. */
export const submittedMaterial = shape('SubmittedMaterial', {
  name: text({ label: { 'zh-CN': '材料名称', en: 'Material' }, required: true, maxLength: 100 }),
});

/** A material the applicant promises to supply later (容缺). */
export const owedMaterial = shape('OwedMaterial', {
  name: text({ label: { 'zh-CN': '材料名称', en: 'Material' }, required: true, maxLength: 100 }),
  promisedBy: date({ label: { 'zh-CN': '承诺补齐日期', en: 'Promised by' }, required: true }),
});

/** A material of the application and where it stands. */
export const material = shape('Material', {
  name: text({ label: { 'zh-CN': '材料名称', en: 'Material' }, required: true, maxLength: 100 }),
  status: enumOf('MaterialStatus', { label: { 'zh-CN': '材料状态', en: 'Status' }, required: true }),
  promisedBy: date({ label: { 'zh-CN': '承诺补齐日期', en: 'Promised by' } }),
  suppliedOn: date({ label: { 'zh-CN': '补齐日期', en: 'Supplied on' } }),
});

/** A material supplied (or, by an officer, waived) after acceptance. */
export const suppliedMaterial = shape('SuppliedMaterial', {
  name: text({ label: { 'zh-CN': '材料名称', en: 'Material' }, required: true, maxLength: 100 }),
  suppliedOn: date({ label: { 'zh-CN': '补齐日期', en: 'Supplied on' }, description: 'Defaults to today.', notInFuture: true }),
  waived: boolean({
    label: { 'zh-CN': '免于提交', en: 'Waived' },
    description: 'Officers only: the material is no longer required.',
    required: true,
    default: false,
  }),
});

/** A stop of the clock. */
export const pause = shape('Pause', {
  from: dateTime({ label: { 'zh-CN': '暂停时间', en: 'From' }, required: true }),
  to: dateTime({ label: { 'zh-CN': '恢复时间', en: 'To' } }),
  reason: enumOf('PauseReason', { label: { 'zh-CN': '暂停原因', en: 'Reason' }, required: true }),
});

/** One department's check at a joint completion acceptance (联合验收). */
export const jointCheck = shape('JointCheck', {
  type: enumOf('JointCheckType', { label: { 'zh-CN': '验收事项', en: 'Check' }, required: true }),
  result: enumOf('JointCheckResult', { label: { 'zh-CN': '结果', en: 'Result' }, required: true }),
  note: text({ label: { 'zh-CN': '说明', en: 'Note' }, maxLength: 500, multiline: true }),
});

/** What `supplyApprovalMaterials` takes besides the approval and its version. */
export const supplyMaterialsFields = {
  materials: objectList(suppliedMaterial, { label: { 'zh-CN': '补齐材料', en: 'Materials supplied' }, required: true, minItems: 1, maxItems: 50 }),
} as const satisfies Fields;

/** What `recordJointAcceptance` takes besides the approval and its version: every check made so far. */
export const jointAcceptanceFields = {
  checks: objectList(jointCheck, {
    label: { 'zh-CN': '联合验收', en: 'Joint checks' },
    description: 'Each check type at most once; recording again replaces the checks.',
    required: true,
    minItems: 1,
    maxItems: 20,
  }),
} as const satisfies Fields;

const reason = (label: { 'zh-CN': string; en: string }) => text({ label, required: true, maxLength: 500, multiline: true });

/**
 * 审批事项: one approval item of one stage of one project, on a working-day clock from acceptance,
 * with the fast tracks 容缺受理 (tolerant acceptance) and 告知承诺 (commitment), pauses, and the
 * joint completion acceptance (docs/domain.md).
 */
export const approvalEntity = defineEntity({
  name: 'Approval',
  plural: 'approvals',
  label: { 'zh-CN': '审批事项', en: 'Approval' },
  description: '审批事项: one approval item of one stage of a construction project.',
  fields: {
    projectId: id({ label: { 'zh-CN': '所属项目', en: 'Project' }, required: true, references: 'Project', immutable: true }),
    stage: enumOf('ApprovalStage', { label: { 'zh-CN': '审批阶段', en: 'Stage' }, required: true, immutable: true }),
    itemName: text({
      label: { 'zh-CN': '审批事项名称', en: 'Item' },
      description: 'e.g. 建设工程规划许可证核发.',
      required: true,
      maxLength: 100,
      searchable: true,
    }),
    department: text({ label: { 'zh-CN': '审批部门', en: 'Department' }, required: true, maxLength: 100 }),
    statutoryWorkingDays: integer({ label: { 'zh-CN': '法定时限（工作日）', en: 'Statutory working days' }, required: true, min: 1, max: 365 }),
    promisedWorkingDays: integer({
      label: { 'zh-CN': '承诺时限（工作日）', en: 'Promised working days' },
      description: 'No more than the statutory time limit.',
      required: true,
      min: 1,
      max: 365,
    }),
    submittedMaterials: objectList(submittedMaterial, {
      label: { 'zh-CN': '申报材料', en: 'Materials handed in' },
      required: true,
      maxItems: 50,
      default: [],
    }),
  },
  system: {
    number: text({ label: { 'zh-CN': '受理编号', en: 'Number' }, description: 'Sequential per year of submission, e.g. SP2026-000045.', required: true, maxLength: 20, searchable: true }),
    enterpriseId: id({ label: { 'zh-CN': '申请单位', en: 'Enterprise' }, description: 'The project’s enterprise.', required: true, references: 'Enterprise' }),
    stationId: id({ label: { 'zh-CN': '服务驿站', en: 'Station' }, description: 'The station serving the enterprise (for station staff).' }),
    preReview: boolean({
      label: { 'zh-CN': '预审（拿地即开工）', en: 'Pre-review (拿地即开工)' },
      description: 'Submitted before the land contract was signed; the permit is issued on or after that date.',
      required: true,
      default: false,
    }),
    acceptanceMode: enumOf('AcceptanceMode', { label: { 'zh-CN': '受理方式', en: 'Acceptance' }, required: true, default: 'STANDARD' }),
    commitment: object(commitment, { label: { 'zh-CN': '承诺书', en: 'Commitment' } }),
    materials: objectList(material, { label: { 'zh-CN': '材料', en: 'Materials' }, required: true, maxItems: 100, default: [] }),
    earliestPromisedBy: date({ label: { 'zh-CN': '最早承诺补齐日期', en: 'Earliest promise' }, description: 'Of the materials still owed.' }),
    submittedAt: dateTime({ label: { 'zh-CN': '申报时间', en: 'Submitted at' }, required: true }),
    acceptedAt: dateTime({ label: { 'zh-CN': '受理时间', en: 'Accepted at' } }),
    decidedAt: dateTime({ label: { 'zh-CN': '审批决定时间', en: 'Decided at' } }),
    issuedAt: dateTime({ label: { 'zh-CN': '发证时间', en: 'Issued at' } }),
    suspendedAt: dateTime({ label: { 'zh-CN': '中止时间', en: 'Suspended at' } }),
    dueOn: date({ label: { 'zh-CN': '承诺办结日期', en: 'Due on' }, description: 'Promised working days from acceptance (the start day not counted), moved by pauses.' }),
    statutoryDueOn: date({ label: { 'zh-CN': '法定办结日期', en: 'Statutory due on' } }),
    dueProvisional: boolean({
      label: { 'zh-CN': '时限待定', en: 'Due date provisional' },
      description: 'A due date falls in a year whose holidays are not known yet (counted Monday–Friday).',
      required: true,
      default: false,
    }),
    calendarRevision: text({
      label: { 'zh-CN': '计算所用日历', en: 'Calendar used' },
      description: 'Which calendar the due dates were computed on; later overrides do not move them until the clock next changes.',
      maxLength: 40,
    }),
    pauses: objectList(pause, { label: { 'zh-CN': '暂停记录', en: 'Pauses' }, required: true, maxItems: 50, default: [] }),
    elapsedWorkingDays: integer({
      label: { 'zh-CN': '已用工作日', en: 'Elapsed working days' },
      description: 'From acceptance to the decision (or today), pauses excluded.',
      min: 0,
      max: 10_000,
    }),
    checks: objectList(jointCheck, { label: { 'zh-CN': '联合验收', en: 'Joint checks' }, required: true, maxItems: 20, default: [] }),
    firstPass: boolean({ label: { 'zh-CN': '一次性通过', en: 'Passed first time' }, description: 'Joint acceptance: every check passed when first recorded.' }),
  },
  lifecycle: {
    statusEnum: 'ApprovalStatus',
    actionEnum: 'ApprovalAction',
    label: { 'zh-CN': '审批状态', en: 'Status' },
    machine: approvalMachine,
    editableIn: ['SUBMITTED', 'CORRECTION_REQUESTED'],
    actionFields: {
      ACCEPT: {
        mode: enumOf('AcceptanceMode', { label: { 'zh-CN': '受理方式', en: 'Acceptance' }, description: 'ACCEPT: STANDARD (default) or COMMITMENT (告知承诺).' }),
        commitment: object(commitment, { label: { 'zh-CN': '承诺书', en: 'Commitment' }, description: 'Required for COMMITMENT and ACCEPT_TOLERANT.' }),
      },
      ACCEPT_TOLERANT: {
        commitment: object(commitment, { label: { 'zh-CN': '承诺书', en: 'Commitment' }, required: true }),
        outstandingMaterials: objectList(owedMaterial, {
          label: { 'zh-CN': '容缺材料', en: 'Materials owed' },
          description: 'ACCEPT_TOLERANT: what is still owed and by when (no later than the promised due date).',
          required: true,
          minItems: 1,
          maxItems: 50,
        }),
      },
      REQUEST_CORRECTION: { note: reason({ 'zh-CN': '一次性告知补正内容', en: 'What to correct' }) },
      REFUSE: { note: reason({ 'zh-CN': '不予受理理由', en: 'Reason' }) },
      PAUSE: { reason: enumOf('PauseReason', { label: { 'zh-CN': '暂停原因', en: 'Reason' }, required: true }) },
      REJECT: { note: reason({ 'zh-CN': '不予许可理由', en: 'Reason' }) },
      TERMINATE: { note: reason({ 'zh-CN': '终止理由', en: 'Reason' }) },
    },
  },
  scope: { station: 'stationId', enterprise: 'enterpriseId' },
  access: { read: 'SIGNED_IN', write: [Role.ADMIN, Role.OFFICER, Role.ENTERPRISE] },
  orders: {
    SUBMITTED: { field: 'submittedAt', label: { 'zh-CN': '按申报时间', en: 'By time submitted' } },
    DUE: {
      field: 'dueOn',
      label: { 'zh-CN': '按承诺办结日期（审查中）', en: 'By due date (clock running)' },
      only: {
        holds: (record) => CLOCKED_APPROVAL_STATES.includes(String(record.status)) && typeof record.dueOn === 'string',
        description: 'approvals whose clock runs',
      },
      within: ['station'],
    },
    OWED: {
      field: 'earliestPromisedBy',
      label: { 'zh-CN': '按材料承诺日期', en: 'By earliest material promise' },
      only: { holds: (record) => typeof record.earliestPromisedBy === 'string', description: 'approvals still owed a material' },
      within: [],
      internal: true,
    },
  },
  defaultSort: 'SUBMITTED_DESC',
  filters: {
    projectId: { kind: 'equals', field: 'projectId', label: { 'zh-CN': '所属项目', en: 'Project' } },
    enterpriseId: { kind: 'enterprise', label: { 'zh-CN': '申请单位', en: 'Enterprise' } },
    stationId: { kind: 'scope', label: { 'zh-CN': '服务驿站', en: 'Station' } },
    stage: { kind: 'in', field: 'stage' },
    status: { kind: 'in', field: 'status' },
    acceptanceMode: { kind: 'in', field: 'acceptanceMode' },
    overdue: { kind: 'overdue', order: 'DUE', label: { 'zh-CN': '已超期', en: 'Overdue' } },
    submittedFrom: { kind: 'from', field: 'submittedAt', label: { 'zh-CN': '申报日期起', en: 'Submitted from' } },
    submittedTo: { kind: 'to', field: 'submittedAt', label: { 'zh-CN': '申报日期止', en: 'Submitted until' } },
    q: { kind: 'search', label: { 'zh-CN': '搜索受理编号、事项名称', en: 'Number or item name' } },
  },
});
