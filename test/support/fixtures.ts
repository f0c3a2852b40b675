import { randomInt } from 'node:crypto';
import { CREDIT_CODE_CHARSET, makeCreditCode } from '@yizhan/shared';
import type { TestApi } from './api';

/** A fresh valid credit code of a limited company registered in Xiangtan (9143030…). */
export function newCreditCode(): string {
  let body = '';
  for (let index = 0; index < 9; index += 1) body += CREDIT_CODE_CHARSET[randomInt(CREDIT_CODE_CHARSET.length)];
  return makeCreditCode(`91430300${body}`);
}

let stationSequence = 0;

/** A unique station code such as `T7K3`. */
function newStationCode(): string {
  stationSequence += 1;
  return `T${randomInt(36 ** 3).toString(36).toUpperCase().padStart(3, '0')}${stationSequence}`.slice(0, 10);
}

export function stationInput(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    code: newStationCode(),
    name: '测试政务服务驿站',
    park: '测试产业园',
    address: '湘潭高新区晓塘路9号',
    phone: '0731-58581234',
    openingHours: '周一至周五 8:30-12:00, 14:30-17:30',
    openedOn: '2023-03-01',
    serviceCategories: ['BUSINESS_REGISTRATION', 'EMPLOYMENT'],
    location: { lat: 27.86, lng: 112.89 },
    description: '',
    ...overrides,
  };
}

export function enterpriseInput(stationId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    creditCode: newCreditCode(),
    name: `湘潭测试机电有限公司${randomInt(1_000_000)}`,
    legalRepresentative: '张三',
    industry: '智能制造',
    stationId,
    address: '湘潭高新区茶园路1号',
    establishedOn: '2020-05-18',
    registeredCapital: 1200.5,
    employees: 85,
    tags: ['HIGH_TECH'],
    creditStatus: 'NORMAL',
    registeredViaStation: false,
    steward: { name: '李管家', phone: '13807321234' },
    contact: { name: '王经理', phone: '13907325678' },
    ...overrides,
  };
}

export const STATION_FIELDS = 'id version code name park status openedOn serviceCategories location { lat lng } availableActions';
export const ENTERPRISE_FIELDS =
  'id version creditCode name entityType stationId status tags creditStatus registeredViaStation establishedOn registeredCapital employees steward { name phone } contact { name phone } availableActions';

export async function createStation(api: TestApi, overrides: Record<string, unknown> = {}): Promise<{ id: string; code: string; version: number }> {
  const data = await api.data<{ createStation: { id: string; code: string; version: number } }>(
    'admin',
    `mutation($input: CreateStationInput!) { createStation(input: $input) { ${STATION_FIELDS} } }`,
    { input: stationInput(overrides) },
  );
  return data.createStation;
}

export async function createEnterprise(
  api: TestApi,
  stationId: string,
  overrides: Record<string, unknown> = {},
  as = 'admin',
): Promise<{ id: string; version: number; creditCode: string; name: string }> {
  const data = await api.data<{ createEnterprise: { id: string; version: number; creditCode: string; name: string } }>(
    as,
    `mutation($input: CreateEnterpriseInput!) { createEnterprise(input: $input) { ${ENTERPRISE_FIELDS} } }`,
    { input: enterpriseInput(stationId, overrides) },
  );
  return data.createEnterprise;
}
