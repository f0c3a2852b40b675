import { describe, expect, it, vi } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE, demoEnterprises, demoStations } from './demo-data';

/** GB 32100-2015 computed here independently of shared/, so the two check each other. */
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function isValidPerGb32100(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  let sum = 0;
  let weight = 1;
  for (let position = 0; position < 17; position += 1) {
    sum += CHARSET.indexOf(code.charAt(position)) * weight;
    weight = (weight * 3) % 31;
  }
  return code.charAt(17) === CHARSET.charAt((31 - (sum % 31)) % 31);
}

const stationCodes = new Set(demoStations.map((station) => station.code));
const openedOnByStation = new Map(demoStations.map((station) => [station.code, station.openedOn]));
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const MOBILE = /^1[3-9]\d{9}$/;

describe('demo data', () => {
  it('uses a GB 32100 checker that agrees with the published examples', () => {
    expect(isValidPerGb32100('9144030071526726XG')).toBe(true);
    expect(isValidPerGb32100('914403001922038216')).toBe(true);
    expect(isValidPerGb32100('91350203M0001QAY9B')).toBe(false);
  });

  it('gives every enterprise a valid, unique credit code of a 湘潭 enterprise', () => {
    const codes = demoEnterprises.map((enterprise) => enterprise.creditCode);

    expect(codes.filter((code) => !isValidPerGb32100(code))).toEqual([]);
    expect(codes.filter((code) => !code.startsWith('91430300'))).toEqual([]);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has unique enterprise names and unique station codes and names', () => {
    expect(new Set(demoEnterprises.map((enterprise) => enterprise.name)).size).toBe(demoEnterprises.length);
    expect(stationCodes.size).toBe(demoStations.length);
    expect(new Set(demoStations.map((station) => station.name)).size).toBe(demoStations.length);
  });

  it('has the three pilot stations, 金荣 first and opened on 2022-06-15', () => {
    const jinrong = demoStations.find((station) => station.code === 'JR');
    const zhongnan = demoStations.find((station) => station.code === 'ZN');

    expect(demoStations).toHaveLength(3);
    expect(jinrong).toMatchObject({ park: '金荣·湘潭国际工业园', openedOn: '2022-06-15' });
    expect(zhongnan?.park).toContain('中南');
    for (const station of demoStations) {
      expect(station.openedOn >= '2022-06-15', station.code).toBe(true);
      expect(station.openedOn, station.code).toMatch(DATE);
      expect(station.serviceCategories.length, station.code).toBeGreaterThan(0);
    }
  });

  it('serves every enterprise from an existing station, and every station serves some', () => {
    expect(demoEnterprises.filter((enterprise) => !stationCodes.has(enterprise.stationCode))).toEqual([]);
    for (const code of stationCodes) {
      expect(demoEnterprises.filter((enterprise) => enterprise.stationCode === code).length, code).toBeGreaterThan(10);
    }
  });

  it('contains every enterprise the article names', () => {
    const names = demoEnterprises.map((enterprise) => enterprise.name);
    const byName = (part: string) => demoEnterprises.find((enterprise) => enterprise.name.includes(part));

    for (const part of ['湘潭中天机电有限公司', '金杯电工电磁线有限公司', '湖南华菱线缆股份有限公司', '湖南卓润生物科技有限公司', '湖南亚辉龙生物科技有限公司', '伊索尔', '奥托斯', '中南高科']) {
      expect(names.some((name) => name.includes(part)), part).toBe(true);
    }
    expect(byName('金杯电工电磁线')?.tags).toContain('LITTLE_GIANT');
    expect(byName('奥托斯')?.stationCode).toBe('JR');
  });

  it('makes 湘潭中天机电有限公司 the enterprise of the enterprise-demo user', () => {
    const demoEnterprise = demoEnterprises.find((enterprise) => enterprise.creditCode === DEMO_ENTERPRISE_CREDIT_CODE);

    expect(demoEnterprise?.name).toBe('湘潭中天机电有限公司');
  });

  it('registers about a third through a station, each after its station opened', () => {
    const viaStation = demoEnterprises.filter((enterprise) => enterprise.registeredViaStation);

    expect(demoEnterprises.length).toBeGreaterThanOrEqual(55);
    expect(viaStation.length / demoEnterprises.length).toBeGreaterThan(0.25);
    expect(viaStation.length / demoEnterprises.length).toBeLessThan(0.4);
    const tooEarly = viaStation.filter(
      (enterprise) => enterprise.establishedOn <= (openedOnByStation.get(enterprise.stationCode) ?? ''),
    );
    expect(tooEarly).toEqual([]);
  });

  it('has a realistic mix: several industries and tags, a couple of dishonest enterprises', () => {
    const industries = new Set(demoEnterprises.map((enterprise) => enterprise.industry));
    const tags = new Set(demoEnterprises.flatMap((enterprise) => enterprise.tags));
    const dishonest = demoEnterprises.filter((enterprise) => enterprise.creditStatus === 'DISHONEST');

    expect(industries.size).toBeGreaterThanOrEqual(6);
    for (const industry of ['智能制造', '新能源装备', '生物医药', '电线电缆']) expect(industries).toContain(industry);
    expect([...tags].sort()).toEqual(['ABOVE_SCALE', 'HIGH_TECH', 'KEY_PROJECT', 'LITTLE_GIANT', 'SPECIALIZED_SME']);
    expect(dishonest.length).toBeGreaterThanOrEqual(2);
    expect(dishonest.length).toBeLessThanOrEqual(4);
  });

  it('uses well-formed dates, amounts and 11-digit mobile numbers', () => {
    for (const enterprise of demoEnterprises) {
      expect(enterprise.establishedOn, enterprise.name).toMatch(DATE);
      expect(enterprise.establishedOn <= '2023-10-31', enterprise.name).toBe(true);
      expect(enterprise.registeredCapital, enterprise.name).toBeGreaterThan(0);
      expect(Number.isInteger(enterprise.employees) && enterprise.employees > 0, enterprise.name).toBe(true);
      for (const person of [enterprise.steward, enterprise.contact]) {
        if (person !== null) expect(person.phone, enterprise.name).toMatch(MOBILE);
      }
    }
    for (const station of demoStations) expect(station.phone).toMatch(/^0731-5\d{7}$/);
  });

  it('is the same on every evaluation of the module (no unseeded randomness)', async () => {
    vi.resetModules();
    const again = await import('./demo-data');

    expect(again.demoEnterprises).toEqual(demoEnterprises);
  });
});
