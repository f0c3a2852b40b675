import { describe, expect, it } from 'vitest';
import { enterpriseEntity } from '../entities/enterprise.entity';
import { stationEntity } from '../entities/station.entity';
import { parseCreate, parsePatch } from './entity';
import { boolean, date, decimal, enumList, integer, object, shape, text } from './field';
import { parseFields } from './parse';

const NOW = new Date('2026-11-27T02:00:00Z');

function problemsOf(result: ReturnType<typeof parseFields>) {
  return result.ok ? [] : result.problems.map((problem) => ({ field: problem.field, rule: problem.rule }));
}

describe('text fields', () => {
  const fields = {
    name: text({ label: { 'zh-CN': '名称', en: 'Name' }, required: true, maxLength: 5 }),
    note: text({ label: { 'zh-CN': '备注', en: 'Note' }, maxLength: 50, multiline: true }),
  };

  it('trims and normalises to NFC, and counts characters as people do', () => {
    const result = parseFields(fields, { name: '  e\u0301𠀀汉字 ', note: 'line one\r\nline two' }, { mode: 'create', now: NOW });
    expect(result).toEqual({ ok: true, value: { name: 'é𠀀汉字', note: 'line one\nline two' } });
  });

  it('treats a blank value as missing: required on create, cannot be cleared on update, null when optional', () => {
    const created = parseFields(fields, { name: '   ', note: ' \n ' }, { mode: 'create', now: NOW });
    const patched = parseFields(fields, { name: '\t' }, { mode: 'patch', now: NOW });
    const cleared = parseFields(fields, { note: '   ' }, { mode: 'patch', now: NOW });
    expect(problemsOf(created)).toEqual([{ field: 'name', rule: 'required' }]);
    expect(problemsOf(patched)).toEqual([{ field: 'name', rule: 'character' }]);
    expect(cleared).toEqual({ ok: true, value: { note: null } });
    expect(problemsOf(parseFields(fields, { name: ' ' }, { mode: 'patch', now: NOW }))).toEqual([{ field: 'name', rule: 'cannotClear' }]);
  });

  it.each([
    ['a control character', 'ab\u0007'],
    ['a C1 control character', 'ab\u0085'],
    ['a right-to-left override', 'ab\u202Ecd'],
    ['a directional isolate', 'ab\u2066cd'],
    ['a lone high surrogate', 'ab\uD800'],
    ['a lone low surrogate', '\uDC00ab'],
    ['a line break in single-line text', 'ab\ncd'],
  ])('refuses %s, naming the field and the character', (_kind, value) => {
    const result = parseFields(fields, { name: value }, { mode: 'create', now: NOW });
    expect(problemsOf(result)).toEqual([{ field: 'name', rule: 'character' }]);
    expect(result.ok ? '' : result.problems[0]!.message.en).toMatch(/^name contains .* \(U\+[0-9A-F]{4}\), which is not allowed\.$/);
  });

  it('allows tabs and line breaks in multi-line text, and a surrogate pair anywhere', () => {
    expect(parseFields(fields, { name: '𠀀', note: 'a\tb\nc' }, { mode: 'create', now: NOW }).ok).toBe(true);
  });

  it('refuses text longer than the declared length, in characters', () => {
    expect(problemsOf(parseFields(fields, { name: '汉字汉字汉字' }, { mode: 'create', now: NOW }))).toEqual([{ field: 'name', rule: 'maxLength' }]);
  });
});

describe('number fields', () => {
  const fields = {
    capital: decimal({ label: { 'zh-CN': '资本', en: 'Capital' }, required: true, min: 0, max: 100_000_000, places: 6 }),
    lat: decimal({ label: { 'zh-CN': '纬度', en: 'Latitude' }, min: -90, max: 90, places: 7, excessPlaces: 'round' }),
    staff: integer({ label: { 'zh-CN': '人数', en: 'Staff' }, min: 0, max: 1_000_000 }),
  };

  it('refuses more decimal places than money has, instead of letting DynamoDB underflow', () => {
    expect(problemsOf(parseFields(fields, { capital: 1e-200 }, { mode: 'create', now: NOW }))).toEqual([{ field: 'capital', rule: 'decimalPlaces' }]);
    expect(problemsOf(parseFields(fields, { capital: 0.0000001 }, { mode: 'create', now: NOW }))).toEqual([{ field: 'capital', rule: 'decimalPlaces' }]);
    expect(parseFields(fields, { capital: 1200.123456 }, { mode: 'create', now: NOW })).toMatchObject({ ok: true, value: { capital: 1200.123456 } });
  });

  it('keeps small coordinates and rounds meaningless precision to 7 places', () => {
    expect(parseFields(fields, { capital: 1, lat: 1e-7 }, { mode: 'create', now: NOW })).toMatchObject({ value: { lat: 1e-7 } });
    expect(parseFields(fields, { capital: 1, lat: 27.889312345678 }, { mode: 'create', now: NOW })).toMatchObject({ value: { lat: 27.8893123 } });
    expect(parseFields(fields, { capital: 1, lat: -1e-200 }, { mode: 'create', now: NOW })).toMatchObject({ value: { lat: 0 } });
  });

  it('refuses values outside the declared range', () => {
    const result = parseFields(fields, { capital: -1, lat: 90.5, staff: 1_000_001 }, { mode: 'create', now: NOW });
    expect(problemsOf(result)).toEqual([
      { field: 'capital', rule: 'min' },
      { field: 'lat', rule: 'max' },
      { field: 'staff', rule: 'max' },
    ]);
  });
});

describe('dates, lists, objects and defaults', () => {
  const person = shape('Person', { name: text({ label: { 'zh-CN': '姓名', en: 'Name' }, required: true, maxLength: 10 }) });
  const fields = {
    since: date({ label: { 'zh-CN': '日期', en: 'Since' }, notInFuture: true, min: '1900-01-01' }),
    tags: enumList('EnterpriseTag', { label: { 'zh-CN': '标签', en: 'Tags' }, required: true, default: [] }),
    active: boolean({ label: { 'zh-CN': '有效', en: 'Active' }, required: true, default: true }),
    contact: object(person, { label: { 'zh-CN': '联系人', en: 'Contact' } }),
  };

  it('fills defaults on create and leaves absent fields alone on update', () => {
    expect(parseFields(fields, {}, { mode: 'create', now: NOW })).toEqual({ ok: true, value: { since: null, tags: [], active: true, contact: null } });
    expect(parseFields(fields, { active: false }, { mode: 'patch', now: NOW })).toEqual({ ok: true, value: { active: false } });
  });

  it('refuses a date after today in Shanghai, a repeated tag and a blank nested name, each with its path', () => {
    const result = parseFields(fields, { since: '2026-11-28', tags: ['HIGH_TECH', 'HIGH_TECH'], contact: { name: ' ' } }, { mode: 'create', now: NOW });
    expect(problemsOf(result)).toEqual([
      { field: 'since', rule: 'notInFuture' },
      { field: 'tags', rule: 'duplicate' },
      { field: 'contact.name', rule: 'required' },
    ]);
    // 10:00 in Shanghai on the 27th is still the 27th there.
    expect(parseFields(fields, { since: '2026-11-27' }, { mode: 'create', now: NOW }).ok).toBe(true);
  });
});

describe('entity declarations', () => {
  const station = {
    code: 'JR',
    name: '金荣驿站',
    park: '金荣园',
    address: '湘潭',
    phone: '0731-58581234',
    openingHours: '工作日',
    openedOn: '2022-06-15',
    serviceCategories: ['EMPLOYMENT'],
  };

  it('derive computed fields and defaults on create', () => {
    const result = parseCreate(
      enterpriseEntity,
      {
        creditCode: ' 9144030071526726xg ',
        name: '深圳测试',
        legalRepresentative: '张三',
        industry: '制造',
        stationId: 'S1',
        address: '深圳',
        establishedOn: '2020-01-01',
        registeredCapital: 100,
        employees: 3,
      },
      NOW,
    );
    expect(result).toMatchObject({ ok: true, value: { creditCode: '9144030071526726XG', entityType: 'ENTERPRISE', creditStatus: 'NORMAL', tags: [], registeredViaStation: false, steward: null } });
  });

  it('explain an invalid credit code in both languages', () => {
    const result = parseCreate(enterpriseEntity, { creditCode: '91350203M0001QAY9B' }, NOW);
    const problem = result.ok ? undefined : result.problems.find((candidate) => candidate.field === 'creditCode');
    expect(problem?.message.en).toMatch(/check character/);
    expect(problem?.message['zh-CN']).toMatch(/校验码/);
  });

  it('recompute computed fields only from the fields an update changes', () => {
    const before = { creditCode: '9144030071526726XG', entityType: 'ENTERPRISE' };
    expect(parsePatch(enterpriseEntity, before, { employees: 4 }, NOW)).toEqual({ ok: true, value: { employees: 4, entityType: 'ENTERPRISE' } });
    expect(parsePatch(stationEntity, station, { description: null }, NOW)).toEqual({ ok: true, value: { description: '' } });
  });
});
