import { entityTypeOfCreditCode, normalizeCreditCode, validateCreditCode } from '../credit-code';
import { Role } from '../enums';
import { defineEntity } from '../fields/entity';
import { boolean, date, decimal, enumList, enumOf, id, integer, object, text } from '../fields/field';
import { enterpriseMachine } from '../machines/enterprise.machine';
import { person } from './values';

/** 经营主体: an enterprise served by a station (docs/domain.md). */
export const enterpriseEntity = defineEntity({
  name: 'Enterprise',
  plural: 'enterprises',
  label: { 'zh-CN': '经营主体', en: 'Enterprise' },
  pluralLabel: { 'zh-CN': '经营主体', en: 'Enterprises' },
  description: '经营主体: an enterprise served by a station.',
  fields: {
    creditCode: text({
      label: { 'zh-CN': '统一社会信用代码', en: 'Credit code' },
      description: '统一社会信用代码 (GB 32100-2015); lower case and surrounding spaces are tolerated.',
      required: true,
      maxLength: 50,
      normalize: normalizeCreditCode,
      check: (code, path) => {
        const validation = validateCreditCode(code);
        return validation.valid
          ? undefined
          : { 'zh-CN': validation.reasonZh, en: `${path} is not a valid Unified Social Credit Code: ${validation.reason}` };
      },
      unique: true,
      searchable: true,
    }),
    name: text({ label: { 'zh-CN': '企业名称', en: 'Name' }, required: true, maxLength: 100, searchable: true, pinyin: true }),
    legalRepresentative: text({ label: { 'zh-CN': '法定代表人', en: 'Legal representative' }, required: true, maxLength: 50, searchable: true }),
    industry: text({ label: { 'zh-CN': '所属行业', en: 'Industry' }, required: true, maxLength: 50, searchable: true }),
    stationId: id({ label: { 'zh-CN': '服务驿站', en: 'Serving station' }, description: 'The serving station.', required: true, references: 'Station' }),
    address: text({ label: { 'zh-CN': '住所', en: 'Address' }, required: true, maxLength: 200 }),
    establishedOn: date({
      label: { 'zh-CN': '成立日期', en: 'Established on' },
      description: 'Date of registration (成立日期); not in the future.',
      required: true,
      min: '1900-01-01',
      notInFuture: true,
    }),
    registeredCapital: decimal({
      label: { 'zh-CN': '注册资本（万元）', en: 'Registered capital (10,000 yuan)' },
      description: 'Registered capital in 万元 (10,000 yuan), 0 to 100,000,000, at most 6 decimal places.',
      required: true,
      min: 0,
      max: 100_000_000,
      places: 6,
    }),
    employees: integer({ label: { 'zh-CN': '从业人数', en: 'Employees' }, required: true, min: 0, max: 1_000_000 }),
    tags: enumList('EnterpriseTag', { label: { 'zh-CN': '企业标签', en: 'Tags' }, required: true, default: [] }),
    creditStatus: enumOf('CreditStatus', {
      label: { 'zh-CN': '信用状况', en: 'Credit status' },
      description: 'DISHONEST (失信) blocks 容缺受理.',
      required: true,
      default: 'NORMAL',
    }),
    registeredViaStation: boolean({
      label: { 'zh-CN': '驿站新办登记', en: 'Registered via a station' },
      description: "Newly registered through a station's 商事登记 service.",
      required: true,
      default: false,
    }),
    steward: object(person, { label: { 'zh-CN': '服务管家', en: 'Steward' }, description: '管家/代办专员.' }),
    contact: object(person, { label: { 'zh-CN': '企业联系人', en: 'Contact' } }),
  },
  computed: {
    entityType: {
      field: enumOf('EntityType', {
        label: { 'zh-CN': '主体类型', en: 'Entity type' },
        description: "Derived from the credit code's first two characters.",
        required: true,
      }),
      compute: (values: { readonly creditCode: string }) => entityTypeOfCreditCode(values.creditCode),
    },
  },
  lifecycle: {
    statusEnum: 'EnterpriseStatus',
    actionEnum: 'EnterpriseAction',
    label: { 'zh-CN': '经营状态', en: 'Status' },
    machine: enterpriseMachine,
    // A moved-out or deregistered enterprise stays on record, and its data may still be corrected.
    editableIn: ['ACTIVE', 'MOVED_OUT', 'DEREGISTERED'],
  },
  scope: { station: 'stationId', enterprise: 'id' },
  access: { read: 'SIGNED_IN', write: [Role.ADMIN, Role.STAFF], delete: [Role.ADMIN, Role.STAFF] },
  orders: {
    NAME: { field: 'name', label: { 'zh-CN': '按名称（拼音）', en: 'By name (pinyin)' } },
    CREATED: { field: 'createdAt', label: { 'zh-CN': '按录入时间', en: 'By time recorded' } },
    ESTABLISHED: { field: 'establishedOn', label: { 'zh-CN': '按成立日期', en: 'By establishment date' } },
  },
  defaultSort: 'NAME_ASC',
  filters: {
    stationId: { kind: 'scope', label: { 'zh-CN': '服务驿站', en: 'Serving station' } },
    status: { kind: 'in', field: 'status' },
    tag: { kind: 'anyOf', field: 'tags', label: { 'zh-CN': '企业标签（任一）', en: 'Has any of the tags' } },
    creditStatus: { kind: 'in', field: 'creditStatus' },
    q: {
      kind: 'search',
      label: { 'zh-CN': '搜索名称（含拼音、首字母）、信用代码、法定代表人、行业', en: 'Name (also pinyin and initials), credit code, legal representative or industry' },
    },
    registeredFrom: { kind: 'from', field: 'establishedOn', label: { 'zh-CN': '成立日期起', en: 'Established from' } },
    registeredTo: { kind: 'to', field: 'establishedOn', label: { 'zh-CN': '成立日期止', en: 'Established until' } },
  },
  deleteBlockedBy: ['ServiceRequest', 'Project', 'Approval'],
});
