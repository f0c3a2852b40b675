import type { RaRecord } from 'react-admin';
import { describe, expect, it } from 'vitest';
import { formatCsv } from '../csv/csv';
import { codeColumnOf } from '../csv/declaredExporter';
import { importEnterprises } from './importEnterprises';

const header = ['creditCode', '企业名称', 'legalRepresentative', 'industry', codeColumnOf('stationId'), 'address', 'establishedOn', 'registeredCapital', 'employees', 'tags'];
const good = ['9144030071526726XG', '湘潭示例科技有限公司', '张三', '智能制造', 'JR', '湘潭市高新区1号', '2020-01-02', '500', '30', '高新技术企业;SPECIALIZED_SME'];
const badCode = ['91350203M0001QAY9B', '错误代码有限公司', '李四', '物流', 'JR', '湘潭市高新区2号', '2020-01-02', '100', '5', ''];
const unknownStation = ['914403001922038216', '未知驿站有限公司', '王五', '物流', 'XX', '湘潭市高新区3号', '2020-01-02', '100', '5', ''];

/** An API stand-in that remembers what each request id created, as `clientRequestId` makes the real one do. */
function idempotentApi() {
  const created = new Map<string, RaRecord>();
  let clock = Date.parse('2026-11-27T00:00:00Z');
  const create = async (data: Record<string, unknown>) => {
    const id = String(data.clientRequestId);
    if (!created.has(id)) created.set(id, { id: `e${created.size + 1}`, ...data, createdAt: new Date(clock++).toISOString() });
    return created.get(id)!;
  };
  return { create, created, now: () => new Date(clock++) };
}

describe('importing enterprises from CSV', () => {
  it('reports each row: created, or refused with the reason (checksum, unknown station)', async () => {
    // Prepare
    const api = idempotentApi();
    const text = formatCsv(header, [good, badCode, unknownStation]);

    // Act
    const reports = await importEnterprises(text, {
      stations: [{ id: 'station-jr', code: 'JR' }],
      create: api.create,
      locale: 'zh-CN',
      now: api.now,
      messages: { unknownStation: (code) => `找不到 ${code}` },
    });

    // Assess
    expect(reports.map((report) => [report.line, report.outcome])).toEqual([
      [2, 'created'],
      [3, 'refused'],
      [4, 'refused'],
    ]);
    expect(reports[1]!.reason).toContain('校验码（第 18 位）');
    expect(reports[2]!.reason).toBe('找不到 XX');
    const [record] = [...api.created.values()];
    expect(record).toMatchObject({ stationId: 'station-jr', registeredCapital: 500, employees: 30, tags: ['HIGH_TECH', 'SPECIALIZED_SME'] });
  });

  it('creates nothing twice when the same file is imported again', async () => {
    // Prepare
    const api = idempotentApi();
    const text = formatCsv(header, [good]);
    const dependencies = { stations: [{ id: 'station-jr', code: 'JR' }], create: api.create, locale: 'en' as const, now: api.now, messages: { unknownStation: (code: string) => code } };
    await importEnterprises(text, dependencies);

    // Act
    const again = await importEnterprises(text, dependencies);

    // Assess
    expect(again.map((report) => report.outcome)).toEqual(['existing']);
    expect(api.created.size).toBe(1);
  });

  it('counts a row whose credit code is already on record as existing once its request id has expired', async () => {
    // Prepare: the API no longer knows the request id, and refuses the taken credit code on its field.
    const taken = Object.assign(new Error('yizhan.errors.invalid_input'), {
      status: 409,
      body: { code: 'CONFLICT', errors: { creditCode: 'Another enterprise already has creditCode 9144030071526726XG.' } },
    });
    const create = async (): Promise<RaRecord> => {
      throw taken;
    };

    // Act
    const reports = await importEnterprises(formatCsv(header, [good]), {
      stations: [{ id: 'station-jr', code: 'JR' }],
      create,
      locale: 'zh-CN',
      now: () => new Date('2026-11-28T00:00:00Z'),
      messages: { unknownStation: (code) => code },
    });

    // Assess
    expect(reports).toEqual([{ line: 2, name: '湘潭示例科技有限公司', creditCode: '9144030071526726XG', outcome: 'existing' }]);
  });
});
