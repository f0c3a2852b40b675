import { Role } from '../enums';
import { defineEntity } from '../fields/entity';
import { date, enumList, object, text } from '../fields/field';
import { stationMachine } from '../machines/station.machine';
import { geoPoint, phoneField } from './values';

/** A station code: 2–10 capital letters or digits, starting with a letter (e.g. JR). */
export const STATION_CODE_PATTERN = /^[A-Z][A-Z0-9]{1,9}$/;

/** 政务服务驿站: a service station inside an industrial park (docs/domain.md). */
export const stationEntity = defineEntity({
  name: 'Station',
  plural: 'stations',
  label: { 'zh-CN': '政务服务驿站', en: 'Service station' },
  pluralLabel: { 'zh-CN': '政务服务驿站', en: 'Service stations' },
  description: '政务服务驿站: a service station inside an industrial park.',
  fields: {
    code: text({
      label: { 'zh-CN': '驿站编码', en: 'Code' },
      description: 'Unique short code, e.g. JR: 2–10 capital letters or digits, starting with a letter.',
      required: true,
      maxLength: 10,
      pattern: {
        regex: STATION_CODE_PATTERN,
        message: (path) => ({
          'zh-CN': '驿站编码为 2–10 位大写字母或数字，以字母开头（如 JR）',
          en: `${path} must be 2–10 capital letters or digits, starting with a letter (e.g. JR).`,
        }),
      },
      unique: true,
      searchable: true,
    }),
    name: text({ label: { 'zh-CN': '驿站名称', en: 'Name' }, required: true, maxLength: 100, searchable: true, pinyin: true }),
    park: text({
      label: { 'zh-CN': '所在园区', en: 'Industrial park' },
      description: 'The industrial park, e.g. 金荣·湘潭国际工业园.',
      required: true,
      maxLength: 100,
      searchable: true,
    }),
    address: text({ label: { 'zh-CN': '地址', en: 'Address' }, required: true, maxLength: 200, searchable: true }),
    phone: phoneField({ 'zh-CN': '服务电话', en: 'Phone' }, true, false),
    openingHours: text({ label: { 'zh-CN': '服务时间', en: 'Opening hours' }, required: true, maxLength: 200 }),
    openedOn: date({ label: { 'zh-CN': '启用日期', en: 'Opened on' }, required: true, min: '2000-01-01', max: '2100-12-31' }),
    serviceCategories: enumList('ServiceCategory', {
      label: { 'zh-CN': '服务事项', en: 'Services offered' },
      required: true,
      minItems: 1,
    }),
    location: object(geoPoint, { label: { 'zh-CN': '地图位置', en: 'Location' } }),
    description: text({ label: { 'zh-CN': '驿站简介', en: 'Description' }, maxLength: 2000, multiline: true, default: '' }),
  },
  lifecycle: {
    statusEnum: 'StationStatus',
    actionEnum: 'StationAction',
    label: { 'zh-CN': '驿站状态', en: 'Status' },
    machine: stationMachine,
  },
  scope: {},
  publicWhen: { status: ['ACTIVE'] },
  access: { read: 'PUBLIC', write: [Role.ADMIN] },
  orders: {
    CODE: { field: 'code', label: { 'zh-CN': '按编码', en: 'By code' } },
    NAME: { field: 'name', label: { 'zh-CN': '按名称（拼音）', en: 'By name (pinyin)' } },
    OPENED: { field: 'openedOn', label: { 'zh-CN': '按启用日期', en: 'By opening date' } },
  },
  defaultSort: 'CODE_ASC',
  filters: {
    status: { kind: 'in', field: 'status' },
    serviceCategory: { kind: 'anyOf', field: 'serviceCategories', label: { 'zh-CN': '提供服务', en: 'Offers' } },
    q: { kind: 'search', label: { 'zh-CN': '搜索编码、名称（含拼音）、园区、地址', en: 'Code, name (also pinyin), park or address' } },
  },
});
