import { Role } from '../enums';
import { defineEntity } from '../fields/entity';
import { boolean, date, enumOf, id, integer, text } from '../fields/field';
import { projectMachine } from '../machines/project.machine';

/** The national investment project code (投资项目统一代码), e.g. 2023-430300-44-01-012345. */
export const PROJECT_CODE_PATTERN = /^\d{4}-\d{6}-\d{2}-\d{2}-\d{6}$/;

/** 工程建设项目: a construction project of an enterprise, approved stage by stage (docs/domain.md). */
export const projectEntity = defineEntity({
  name: 'Project',
  plural: 'projects',
  label: { 'zh-CN': '工程建设项目', en: 'Project' },
  description: '工程建设项目: a construction project, approved stage by stage.',
  fields: {
    code: text({
      label: { 'zh-CN': '项目代码', en: 'Project code' },
      description: 'The national investment project code (投资项目统一代码), e.g. 2023-430300-44-01-012345; unique.',
      required: true,
      maxLength: 24,
      pattern: {
        regex: PROJECT_CODE_PATTERN,
        message: (path) => ({
          'zh-CN': '项目代码格式应为 年份-行政区划-行业-类型-流水号，如 2023-430300-44-01-012345',
          en: `${path} must be a project code such as 2023-430300-44-01-012345.`,
        }),
      },
      unique: true,
      searchable: true,
    }),
    name: text({ label: { 'zh-CN': '项目名称', en: 'Name' }, required: true, maxLength: 100, searchable: true, pinyin: true }),
    enterpriseId: id({
      label: { 'zh-CN': '建设单位', en: 'Enterprise' },
      description: 'The enterprise building it; fixed once recorded.',
      required: true,
      references: 'Enterprise',
      immutable: true,
    }),
    landParcelNo: text({ label: { 'zh-CN': '地块编号', en: 'Land parcel' }, maxLength: 50, searchable: true }),
    landContractSignedOn: date({
      label: { 'zh-CN': '土地出让合同签订日期', en: 'Land contract signed on' },
      description: 'Permits are issued on or after this date; 拿地即开工 projects may run pre-reviews before it.',
      min: '2000-01-01',
      notInFuture: true,
    }),
    investmentType: enumOf('InvestmentType', { label: { 'zh-CN': '投资类型', en: 'Investment' }, required: true, default: 'SOCIAL' }),
    startUponLandAcquisition: boolean({
      label: { 'zh-CN': '拿地即开工', en: 'Start upon land acquisition' },
      description: '拿地即开工: planning and permit stages may be pre-reviewed before the land contract is signed.',
      required: true,
      default: false,
    }),
    agentService: boolean({
      label: { 'zh-CN': '代办服务', en: 'Agent service' },
      description: '管家式专班/代办: an agent handles the approvals for the enterprise.',
      required: true,
      default: false,
    }),
    promisedTotalWorkingDays: integer({
      label: { 'zh-CN': '承诺总时限（工作日）', en: 'Promised total (working days)' },
      min: 1,
      max: 1_000,
    }),
    plannedStartOn: date({ label: { 'zh-CN': '计划开工日期', en: 'Planned start' } }),
    actualStartOn: date({ label: { 'zh-CN': '实际开工日期', en: 'Actual start' }, notInFuture: true }),
    completedOn: date({ label: { 'zh-CN': '竣工日期', en: 'Completed on' }, notInFuture: true }),
  },
  system: {
    stationId: id({
      label: { 'zh-CN': '服务驿站', en: 'Station' },
      description: 'The station serving its enterprise when the project was recorded (for station staff).',
    }),
  },
  lifecycle: {
    statusEnum: 'ProjectStatus',
    actionEnum: 'ProjectAction',
    label: { 'zh-CN': '项目状态', en: 'Status' },
    machine: projectMachine,
  },
  scope: { station: 'stationId', enterprise: 'enterpriseId' },
  access: { read: 'SIGNED_IN', write: [Role.ADMIN, Role.OFFICER], create: [Role.ADMIN, Role.OFFICER, Role.ENTERPRISE] },
  orders: {
    NAME: { field: 'name', label: { 'zh-CN': '按名称（拼音）', en: 'By name (pinyin)' } },
    CREATED: { field: 'createdAt', label: { 'zh-CN': '按录入时间', en: 'By time recorded' } },
  },
  defaultSort: 'CREATED_DESC',
  filters: {
    stationId: { kind: 'scope', label: { 'zh-CN': '服务驿站', en: 'Station' } },
    enterpriseId: { kind: 'enterprise', label: { 'zh-CN': '建设单位', en: 'Enterprise' } },
    status: { kind: 'in', field: 'status' },
    investmentType: { kind: 'in', field: 'investmentType' },
    q: { kind: 'search', label: { 'zh-CN': '搜索项目代码、名称（含拼音）、地块', en: 'Code, name (also pinyin) or land parcel' } },
  },
});
