import type { EnumName, EnumValue } from './enums';

/** Languages the console and the public catalogue are written in; zh-CN is the default. */
export type Locale = 'zh-CN' | 'en';

/** All locales, default first. */
export const locales: readonly Locale[] = ['zh-CN', 'en'];

/** The default locale. */
export const defaultLocale: Locale = 'zh-CN';

/** One text in every locale. */
export type Label = Readonly<Record<Locale, string>>;

/** Labels of every member of every enum; the type makes a missing label a compile error. */
export type EnumLabels = { readonly [E in EnumName]: Readonly<Record<EnumValue<E>, Label>> };

/** Display labels of every enum member, keyed by enum name then member, in zh-CN and English. */
export const enumLabels: EnumLabels = {
  Role: {
    ADMIN: { 'zh-CN': '园区管理员', en: 'Park administrator' },
    OFFICER: { 'zh-CN': '审批专员', en: 'Approval officer' },
    STAFF: { 'zh-CN': '驿站工作人员', en: 'Station staff' },
    OPERATOR: { 'zh-CN': '12345 话务员', en: '12345 hotline operator' },
    VIEWER: { 'zh-CN': '查看人员', en: 'Viewer' },
    ENTERPRISE: { 'zh-CN': '企业用户', en: 'Enterprise user' },
  },
  StationStatus: {
    ACTIVE: { 'zh-CN': '运营中', en: 'Active' },
    SUSPENDED: { 'zh-CN': '暂停服务', en: 'Suspended' },
    CLOSED: { 'zh-CN': '已关闭', en: 'Closed' },
  },
  StationAction: {
    SUSPEND: { 'zh-CN': '暂停服务', en: 'Suspend' },
    RESUME: { 'zh-CN': '恢复服务', en: 'Resume' },
    CLOSE: { 'zh-CN': '关闭驿站', en: 'Close' },
  },
  EnterpriseStatus: {
    ACTIVE: { 'zh-CN': '在园经营', en: 'Active' },
    MOVED_OUT: { 'zh-CN': '已迁出', en: 'Moved out' },
    DEREGISTERED: { 'zh-CN': '已注销', en: 'Deregistered' },
  },
  EnterpriseAction: {
    MOVE_OUT: { 'zh-CN': '迁出', en: 'Move out' },
    MOVE_BACK: { 'zh-CN': '迁回', en: 'Move back' },
    DEREGISTER: { 'zh-CN': '注销', en: 'Deregister' },
  },
  EntityType: {
    ENTERPRISE: { 'zh-CN': '企业', en: 'Enterprise' },
    INDIVIDUAL_BUSINESS: { 'zh-CN': '个体工商户', en: 'Individual business' },
    FARMERS_COOPERATIVE: { 'zh-CN': '农民专业合作社', en: "Farmers' cooperative" },
    INSTITUTION: { 'zh-CN': '机关/事业单位', en: 'Government body or public institution' },
    SOCIAL_ORGANIZATION: { 'zh-CN': '社会组织', en: 'Social organisation' },
    OTHER: { 'zh-CN': '其他', en: 'Other' },
  },
  EnterpriseTag: {
    LITTLE_GIANT: { 'zh-CN': '专精特新"小巨人"', en: '"Little giant" (specialised and innovative)' },
    SPECIALIZED_SME: { 'zh-CN': '专精特新', en: 'Specialised and innovative SME' },
    HIGH_TECH: { 'zh-CN': '高新技术企业', en: 'High-tech enterprise' },
    ABOVE_SCALE: { 'zh-CN': '规上企业', en: 'Above designated size' },
    KEY_PROJECT: { 'zh-CN': '重点项目', en: 'Key project' },
  },
  CreditStatus: {
    NORMAL: { 'zh-CN': '正常', en: 'Normal' },
    DISHONEST: { 'zh-CN': '失信', en: 'Dishonest (credit blacklist)' },
  },
  ServiceCategory: {
    BUSINESS_REGISTRATION: { 'zh-CN': '商事登记', en: 'Business registration' },
    EMPLOYMENT: { 'zh-CN': '用工', en: 'Employment' },
    SOCIAL_INSURANCE: { 'zh-CN': '社保', en: 'Social insurance' },
    TALENT: { 'zh-CN': '人才', en: 'Talent' },
    FINANCING: { 'zh-CN': '贷款融资', en: 'Loans and financing' },
    PROJECT_APPROVAL: { 'zh-CN': '项目审批', en: 'Project approval' },
    POLICY: { 'zh-CN': '政策申报', en: 'Policy applications' },
    CONSULTATION: { 'zh-CN': '咨询', en: 'Consultation' },
    OTHER: { 'zh-CN': '其他', en: 'Other' },
  },
  ServiceChannel: {
    STATION: { 'zh-CN': '驿站窗口', en: 'Station counter' },
    ONSITE: { 'zh-CN': '上门服务', en: 'On-site visit' },
    HOTLINE: { 'zh-CN': '12345 热线', en: '12345 hotline' },
    ONLINE: { 'zh-CN': '网上办理', en: 'Online' },
  },
  AppealType: {
    CONSULT: { 'zh-CN': '咨询', en: 'Enquiry' },
    HELP: { 'zh-CN': '求助', en: 'Request for help' },
    COMPLAINT: { 'zh-CN': '投诉', en: 'Complaint' },
    REPORT: { 'zh-CN': '举报', en: 'Report' },
    SUGGESTION: { 'zh-CN': '建议', en: 'Suggestion' },
    PRAISE: { 'zh-CN': '表扬', en: 'Praise' },
    OTHER: { 'zh-CN': '其他', en: 'Other' },
  },
  ServiceRequestStatus: {
    RECEIVED: { 'zh-CN': '已登记', en: 'Received' },
    DISPATCHED: { 'zh-CN': '已派单', en: 'Dispatched' },
    SIGNED: { 'zh-CN': '已签收', en: 'Signed for' },
    IN_PROGRESS: { 'zh-CN': '办理中', en: 'In progress' },
    REPLIED: { 'zh-CN': '已答复', en: 'Replied' },
    CLOSED: { 'zh-CN': '已办结', en: 'Closed' },
    RETURNED: { 'zh-CN': '已退单', en: 'Returned' },
    REOPENED: { 'zh-CN': '发回重办', en: 'Reopened' },
    INVALID: { 'zh-CN': '无效工单', en: 'Invalid' },
  },
  ServiceRequestAction: {
    DISPATCH: { 'zh-CN': '派单', en: 'Dispatch' },
    SIGN: { 'zh-CN': '签收', en: 'Sign for' },
    RETURN: { 'zh-CN': '退单', en: 'Return' },
    START: { 'zh-CN': '开始办理', en: 'Start handling' },
    REPLY: { 'zh-CN': '答复', en: 'Reply' },
    CALLBACK: { 'zh-CN': '回访', en: 'Record callback' },
    REOPEN: { 'zh-CN': '发回重办', en: 'Reopen' },
    CLOSE: { 'zh-CN': '办结', en: 'Close' },
    INVALIDATE: { 'zh-CN': '作废', en: 'Mark invalid' },
    EXTEND: { 'zh-CN': '延期', en: 'Extend deadline' },
    ESCALATE: { 'zh-CN': '催办督办', en: 'Escalate' },
  },
  Escalation: {
    NONE: { 'zh-CN': '无', en: 'None' },
    REMINDED: { 'zh-CN': '催办', en: 'Reminded' },
    SUPERVISED: { 'zh-CN': '督办', en: 'Supervised' },
    ESCALATED: { 'zh-CN': '提级督办', en: 'Escalated' },
  },
  CallbackRating: {
    VERY_SATISFIED: { 'zh-CN': '非常满意', en: 'Very satisfied' },
    SATISFIED: { 'zh-CN': '满意', en: 'Satisfied' },
    BASIC: { 'zh-CN': '基本满意', en: 'Basically satisfied' },
    DISSATISFIED: { 'zh-CN': '不满意', en: 'Dissatisfied' },
    VERY_DISSATISFIED: { 'zh-CN': '非常不满意', en: 'Very dissatisfied' },
  },
  InvestmentType: {
    GOVERNMENT: { 'zh-CN': '政府投资', en: 'Government investment' },
    SOCIAL: { 'zh-CN': '社会投资', en: 'Private investment' },
  },
  ProjectStatus: {
    PLANNING: { 'zh-CN': '前期谋划', en: 'Planning' },
    UNDER_APPROVAL: { 'zh-CN': '审批中', en: 'Under approval' },
    UNDER_CONSTRUCTION: { 'zh-CN': '在建', en: 'Under construction' },
    COMPLETED: { 'zh-CN': '已竣工', en: 'Completed' },
  },
  ProjectAction: {
    START_APPROVAL: { 'zh-CN': '进入审批', en: 'Start approval' },
    START_CONSTRUCTION: { 'zh-CN': '开工建设', en: 'Start construction' },
    COMPLETE: { 'zh-CN': '竣工', en: 'Complete' },
  },
  ApprovalStage: {
    LAND_USE_PLANNING: { 'zh-CN': '用地规划许可', en: 'Land-use planning permit' },
    ENGINEERING_PLANNING: { 'zh-CN': '工程规划许可', en: 'Engineering planning permit' },
    CONSTRUCTION_PERMIT: { 'zh-CN': '施工许可', en: 'Construction permit' },
    COMPLETION_ACCEPTANCE: { 'zh-CN': '联合验收', en: 'Joint completion acceptance' },
  },
  AcceptanceMode: {
    STANDARD: { 'zh-CN': '常规受理', en: 'Standard' },
    TOLERANT: { 'zh-CN': '容缺受理', en: 'Tolerant (materials to follow)' },
    COMMITMENT: { 'zh-CN': '告知承诺', en: 'Notification and commitment' },
  },
  MaterialStatus: {
    PROVIDED: { 'zh-CN': '已提交', en: 'Provided' },
    OUTSTANDING: { 'zh-CN': '待补齐', en: 'Outstanding' },
    SUPPLIED: { 'zh-CN': '已补齐', en: 'Supplied' },
    WAIVED: { 'zh-CN': '免于提交', en: 'Waived' },
    OVERDUE: { 'zh-CN': '逾期未补', en: 'Overdue' },
  },
  PauseReason: {
    HEARING: { 'zh-CN': '听证', en: 'Hearing' },
    EXPERT_REVIEW: { 'zh-CN': '专家评审', en: 'Expert review' },
    SITE_SURVEY: { 'zh-CN': '现场踏勘', en: 'Site survey' },
    CORRECTION: { 'zh-CN': '补正材料', en: 'Correction of materials' },
  },
  ApprovalStatus: {
    SUBMITTED: { 'zh-CN': '已申报', en: 'Submitted' },
    ACCEPTED: { 'zh-CN': '已受理', en: 'Accepted' },
    ACCEPTED_TOLERANT: { 'zh-CN': '容缺受理', en: 'Accepted (materials to follow)' },
    CORRECTION_REQUESTED: { 'zh-CN': '待补正', en: 'Correction requested' },
    NOT_ACCEPTED: { 'zh-CN': '不予受理', en: 'Not accepted' },
    UNDER_REVIEW: { 'zh-CN': '审查中', en: 'Under review' },
    PAUSED: { 'zh-CN': '暂停计时', en: 'Paused' },
    APPROVED: { 'zh-CN': '准予许可', en: 'Approved' },
    REJECTED: { 'zh-CN': '不予许可', en: 'Rejected' },
    ISSUED: { 'zh-CN': '已发证', en: 'Issued' },
    SUSPENDED: { 'zh-CN': '已中止', en: 'Suspended' },
    TERMINATED: { 'zh-CN': '已终止', en: 'Terminated' },
    WITHDRAWN: { 'zh-CN': '已撤回', en: 'Withdrawn' },
  },
  ApprovalAction: {
    ACCEPT: { 'zh-CN': '受理', en: 'Accept' },
    ACCEPT_TOLERANT: { 'zh-CN': '容缺受理', en: 'Accept with materials to follow' },
    REQUEST_CORRECTION: { 'zh-CN': '一次性告知补正', en: 'Request correction' },
    REFUSE: { 'zh-CN': '不予受理', en: 'Refuse' },
    RESUBMIT: { 'zh-CN': '补正后重新申报', en: 'Resubmit' },
    START_REVIEW: { 'zh-CN': '开始审查', en: 'Start review' },
    PAUSE: { 'zh-CN': '暂停计时', en: 'Pause clock' },
    RESUME: { 'zh-CN': '恢复审查', en: 'Resume review' },
    APPROVE: { 'zh-CN': '准予许可', en: 'Approve' },
    REJECT: { 'zh-CN': '不予许可', en: 'Reject' },
    ISSUE: { 'zh-CN': '发证', en: 'Issue' },
    SUSPEND: { 'zh-CN': '中止审批', en: 'Suspend' },
    TERMINATE: { 'zh-CN': '终止审批', en: 'Terminate' },
    WITHDRAW: { 'zh-CN': '撤回申请', en: 'Withdraw' },
  },
  JointCheckType: {
    PLANNING: { 'zh-CN': '规划核实', en: 'Planning verification' },
    LAND: { 'zh-CN': '土地核验', en: 'Land verification' },
    FIRE: { 'zh-CN': '消防验收', en: 'Fire safety acceptance' },
    CIVIL_AIR_DEFENSE: { 'zh-CN': '人防验收', en: 'Civil air defence acceptance' },
    ARCHIVES: { 'zh-CN': '城建档案验收', en: 'Construction archives acceptance' },
    QUALITY: { 'zh-CN': '质量竣工验收', en: 'Quality completion acceptance' },
  },
  JointCheckResult: {
    PASSED: { 'zh-CN': '通过', en: 'Passed' },
    RECTIFY: { 'zh-CN': '限期整改', en: 'Rectification required' },
  },
  CalendarDayKind: {
    WORKDAY: { 'zh-CN': '上班', en: 'Working day' },
    HOLIDAY: { 'zh-CN': '放假', en: 'Holiday' },
  },
};

/**
 * The display label of one enum member, e.g. `enumLabel('Role', 'ADMIN')` → '园区管理员'.
 * Falls back to the raw value for a member unknown at run time (e.g. data written by a newer
 * version), so a screen never shows an empty cell.
 */
export function enumLabel<E extends EnumName>(
  enumName: E,
  value: EnumValue<E>,
  locale: Locale = defaultLocale,
): string {
  const labels: Readonly<Record<string, Label | undefined>> = enumLabels[enumName];
  return labels[value]?.[locale] ?? value;
}
