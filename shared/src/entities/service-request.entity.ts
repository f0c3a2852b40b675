import { Role } from '../enums';
import { defineEntity } from '../fields/entity';
import { boolean, dateTime, decimal, enumOf, id, integer, object, objectList, shape, text } from '../fields/field';
import { serviceRequestMachine } from '../machines/service-request.machine';
import { phoneField } from './values';

/** States in which a request is still being worked (its deadline runs): not replied, closed or invalid. */
export const OPEN_SERVICE_REQUEST_STATES: readonly string[] = ['RECEIVED', 'DISPATCHED', 'SIGNED', 'IN_PROGRESS', 'RETURNED', 'REOPENED'];

/** Who asked. A requester without a phone cannot be called back; one who asked not to be is `anonymous`. */
export const requester = shape(
  'Requester',
  {
    name: text({ label: { 'zh-CN': '诉求人', en: 'Name' }, required: true, maxLength: 50, searchable: true }),
    phone: phoneField({ 'zh-CN': '联系电话', en: 'Phone' }, false, false),
    anonymous: boolean({
      label: { 'zh-CN': '匿名（不回访）', en: 'Anonymous (no callback)' },
      description: 'Asked not to be named or called back; such requests close without a callback and count outside the callback rate.',
      required: true,
      default: false,
    }),
  },
  'Who asked. The phone is masked for anyone who may not handle the request.',
);

/** What came of the request, for the station figures (problems solved, jobs filled, financing). */
export const outcome = shape('Outcome', {
  issueResolved: boolean({ label: { 'zh-CN': '问题已解决', en: 'Problem solved' }, required: true, default: false }),
  jobsFilled: integer({ label: { 'zh-CN': '解决用工（人）', en: 'Jobs filled' }, required: true, min: 0, max: 100_000, default: 0 }),
  financingAmount: decimal({
    label: { 'zh-CN': '融资金额（万元）', en: 'Financing (10,000 yuan)' },
    required: true,
    min: 0,
    max: 100_000_000,
    places: 6,
    default: 0,
  }),
});

/** An on-site visit (上门服务). */
export const visit = shape('Visit', {
  scheduledAt: dateTime({ label: { 'zh-CN': '计划上门时间', en: 'Scheduled at' } }),
  visitedAt: dateTime({ label: { 'zh-CN': '实际上门时间', en: 'Visited at' }, notInFuture: true }),
  visitors: text({ label: { 'zh-CN': '上门人员', en: 'Visitors' }, maxLength: 200 }),
});

/** The latest callback (回访) and how many attempts there were. */
export const callback = shape('Callback', {
  attempts: integer({ label: { 'zh-CN': '回访次数', en: 'Attempts' }, required: true, min: 1, max: 1_000 }),
  reached: boolean({ label: { 'zh-CN': '已联系上', en: 'Reached' }, required: true }),
  rating: enumOf('CallbackRating', { label: { 'zh-CN': '满意度', en: 'Rating' } }),
  resolved: boolean({ label: { 'zh-CN': '问题已解决', en: 'Resolved' } }),
  note: text({ label: { 'zh-CN': '回访记录', en: 'Note' }, maxLength: 500, multiline: true }),
  at: dateTime({ label: { 'zh-CN': '回访时间', en: 'At' }, required: true }),
});

/** More working days granted (延期). */
export const extension = shape('Extension', {
  workingDays: integer({ label: { 'zh-CN': '延长工作日', en: 'Working days' }, required: true, min: 1, max: 60 }),
  reason: text({ label: { 'zh-CN': '延期理由', en: 'Reason' }, required: true, maxLength: 500, multiline: true }),
  by: text({ label: { 'zh-CN': '批准人', en: 'By' }, required: true, maxLength: 100 }),
  at: dateTime({ label: { 'zh-CN': '时间', en: 'At' }, required: true }),
});

const reason = (label: { 'zh-CN': string; en: string }) => text({ label, required: true, maxLength: 500, multiline: true });

/**
 * 服务工单: one entity for station services, on-site visits, 12345 hotline tickets and online
 * requests (docs/domain.md), on one state machine and a working-day clock.
 */
export const serviceRequestEntity = defineEntity({
  name: 'ServiceRequest',
  plural: 'serviceRequests',
  label: { 'zh-CN': '服务工单', en: 'Service request' },
  description: '服务工单: a station service, on-site visit, 12345 hotline ticket or online request.',
  fields: {
    channel: enumOf('ServiceChannel', {
      label: { 'zh-CN': '受理渠道', en: 'Channel' },
      description: 'How the request came in; fixed once recorded.',
      required: true,
      immutable: true,
    }),
    category: enumOf('ServiceCategory', { label: { 'zh-CN': '事项类别', en: 'Category' }, required: true }),
    appealType: enumOf('AppealType', { label: { 'zh-CN': '诉求类型', en: 'Appeal type' }, required: true, default: 'HELP' }),
    title: text({ label: { 'zh-CN': '标题', en: 'Title' }, required: true, maxLength: 100, searchable: true }),
    description: text({ label: { 'zh-CN': '诉求内容', en: 'Description' }, maxLength: 2000, multiline: true, default: '' }),
    stationId: id({
      label: { 'zh-CN': '服务驿站', en: 'Station' },
      description: 'The station that handles the request; required for station services and on-site visits.',
      references: 'Station',
    }),
    enterpriseId: id({ label: { 'zh-CN': '涉及企业', en: 'Enterprise' }, description: 'The enterprise concerned, if any.', references: 'Enterprise' }),
    requester: object(requester, { label: { 'zh-CN': '诉求人', en: 'Requester' }, required: true }),
    externalNumber: text({
      label: { 'zh-CN': '12345 工单编号', en: '12345 ticket number' },
      description: 'The 12345 platform’s number of a hotline ticket; unique, so a ticket cannot be taken over twice.',
      maxLength: 50,
      unique: true,
      searchable: true,
    }),
    receivedAt: dateTime({
      label: { 'zh-CN': '受理时间', en: 'Received at' },
      description: 'When the request came in; defaults to now. Give it for tickets taken over from the 12345 platform; not in the future.',
      notInFuture: true,
      immutable: true,
    }),
    visit: object(visit, { label: { 'zh-CN': '上门服务', en: 'On-site visit' } }),
    outcome: object(outcome, { label: { 'zh-CN': '办理成效', en: 'Outcome' } }),
  },
  system: {
    number: text({
      label: { 'zh-CN': '工单编号', en: 'Number' },
      description: 'Sequential per year of receipt, e.g. FW2026-000123.',
      required: true,
      maxLength: 20,
      searchable: true,
    }),
    assignedUnit: text({ label: { 'zh-CN': '承办单位', en: 'Assigned unit' }, maxLength: 100 }),
    assigneeId: id({ label: { 'zh-CN': '签收人', en: 'Assignee' }, description: 'The user who signed for it.' }),
    dispatchedAt: dateTime({ label: { 'zh-CN': '派单时间', en: 'Dispatched at' } }),
    signedAt: dateTime({ label: { 'zh-CN': '签收时间', en: 'Signed at' } }),
    repliedAt: dateTime({ label: { 'zh-CN': '答复时间', en: 'Replied at' } }),
    closedAt: dateTime({ label: { 'zh-CN': '办结时间', en: 'Closed at' } }),
    clockStartedAt: dateTime({
      label: { 'zh-CN': '计时起点', en: 'Clock started at' },
      description: 'Receipt, or signing for hotline tickets; a reopen starts the clock again.',
    }),
    dueAt: dateTime({
      label: { 'zh-CN': '办理时限', en: 'Due at' },
      description: 'The end of the last working day allowed; null until the clock starts.',
    }),
    dueProvisional: boolean({
      label: { 'zh-CN': '时限待定', en: 'Due date provisional' },
      description: 'The deadline falls in a year whose holidays are not known yet (counted Monday–Friday).',
      required: true,
      default: false,
    }),
    extensions: objectList(extension, { label: { 'zh-CN': '延期记录', en: 'Extensions' }, required: true, maxItems: 20, default: [] }),
    reply: text({ label: { 'zh-CN': '答复内容', en: 'Reply' }, maxLength: 2000, multiline: true }),
    handlingWorkingDays: integer({
      label: { 'zh-CN': '办理用时（工作日）', en: 'Handling working days' },
      description: 'Working days from the clock’s start to the reply, the first day not counted; fixed when the reply is given.',
      min: 0,
      max: 10_000,
    }),
    callback: object(callback, { label: { 'zh-CN': '回访', en: 'Callback' } }),
    reopenCount: integer({ label: { 'zh-CN': '重办次数', en: 'Reopened' }, required: true, min: 0, max: 1_000, default: 0 }),
    returnCount: integer({ label: { 'zh-CN': '退单次数', en: 'Returned' }, required: true, min: 0, max: 1_000, default: 0 }),
    repeatOfId: id({
      label: { 'zh-CN': '重复诉求', en: 'Repeat of' },
      description: 'An earlier request of the same requester phone or enterprise and category within the repeat window (反复投诉).',
    }),
    escalation: enumOf('Escalation', { label: { 'zh-CN': '督办级别', en: 'Escalation' }, required: true, default: 'NONE' }),
  },
  lifecycle: {
    statusEnum: 'ServiceRequestStatus',
    actionEnum: 'ServiceRequestAction',
    label: { 'zh-CN': '工单状态', en: 'Status' },
    machine: serviceRequestMachine,
    actionFields: {
      DISPATCH: {
        assignedUnit: text({ label: { 'zh-CN': '承办单位', en: 'Assigned unit' }, required: true, maxLength: 100 }),
        stationId: id({ label: { 'zh-CN': '服务驿站', en: 'Station' }, description: 'DISPATCH: hand the request to a station, whose staff then see it.' }),
      },
      RETURN: { note: reason({ 'zh-CN': '退单理由', en: 'Reason' }) },
      REPLY: {
        reply: text({ label: { 'zh-CN': '答复内容', en: 'Reply' }, required: true, maxLength: 2000, multiline: true }),
        outcome: object(outcome, { label: { 'zh-CN': '办理成效', en: 'Outcome' } }),
      },
      CALLBACK: {
        reached: boolean({ label: { 'zh-CN': '已联系上', en: 'Reached' }, required: true }),
        rating: enumOf('CallbackRating', { label: { 'zh-CN': '满意度', en: 'Rating' }, description: 'CALLBACK: required when reached.' }),
        resolved: boolean({ label: { 'zh-CN': '问题已解决', en: 'Resolved' }, description: 'CALLBACK: required when reached.' }),
      },
      INVALIDATE: { note: reason({ 'zh-CN': '作废理由', en: 'Reason' }) },
      EXTEND: {
        workingDays: integer({ label: { 'zh-CN': '延长工作日', en: 'Working days' }, required: true, min: 1, max: 60 }),
        note: reason({ 'zh-CN': '延期理由', en: 'Reason' }),
      },
    },
  },
  scope: { station: 'stationId', enterprise: 'enterpriseId' },
  access: {
    read: 'SIGNED_IN',
    // Officers handle project-approval requests dispatched to them (the API limits them to those).
    write: [Role.ADMIN, Role.OPERATOR, Role.STAFF, Role.OFFICER],
    create: [Role.ADMIN, Role.OPERATOR, Role.STAFF, Role.ENTERPRISE],
  },
  orders: {
    RECEIVED: { field: 'receivedAt', label: { 'zh-CN': '按受理时间', en: 'By time received' } },
    DUE: {
      field: 'dueAt',
      label: { 'zh-CN': '按办理时限（未办结）', en: 'By due time (open requests)' },
      only: {
        holds: (record) => OPEN_SERVICE_REQUEST_STATES.includes(String(record.status)) && typeof record.dueAt === 'string',
        description: 'open requests whose clock runs',
      },
    },
  },
  defaultSort: 'RECEIVED_DESC',
  filters: {
    stationId: { kind: 'scope', label: { 'zh-CN': '服务驿站', en: 'Station' } },
    enterpriseId: { kind: 'enterprise', label: { 'zh-CN': '涉及企业', en: 'Enterprise' } },
    status: { kind: 'in', field: 'status' },
    channel: { kind: 'in', field: 'channel' },
    category: { kind: 'in', field: 'category' },
    overdue: { kind: 'overdue', order: 'DUE', label: { 'zh-CN': '已超期', en: 'Overdue' } },
    receivedFrom: { kind: 'from', field: 'receivedAt', label: { 'zh-CN': '受理日期起', en: 'Received from' } },
    receivedTo: { kind: 'to', field: 'receivedAt', label: { 'zh-CN': '受理日期止', en: 'Received until' } },
    q: { kind: 'search', label: { 'zh-CN': '搜索编号、标题、诉求人、12345 编号', en: 'Number, title, requester name or 12345 number' } },
  },
});
