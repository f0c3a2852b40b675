import { enterpriseEntity } from '@yizhan/shared';
import { describe, expect, it } from 'vitest';
import { entityValidator } from './validation';

const valid = {
  creditCode: '9144030071526726XG',
  name: '湘潭示例科技有限公司',
  legalRepresentative: '张三',
  industry: '智能制造',
  stationId: 'station-jr',
  address: '湘潭市高新区1号',
  establishedOn: '2020-01-02',
  registeredCapital: 500,
  employees: 30,
  tags: [],
  steward: { name: '', phone: '' },
};

describe('form validation from the shared declarations', () => {
  it('explains why a credit code fails its checksum, in the user’s language', () => {
    // Prepare
    const chinese = entityValidator(enterpriseEntity, 'create', 'zh-CN');
    const english = entityValidator(enterpriseEntity, 'create', 'en');

    // Act
    const errors = chinese({ ...valid, creditCode: '91350203M0001QAY9B' });

    // Assess
    expect(Object.keys(errors)).toEqual(['creditCode']);
    expect(errors.creditCode).toMatch(/校验码（第 18 位）/);
    expect(english({ ...valid, creditCode: '91350203M0001QAY9B' }).creditCode).toMatch(/check character/);
  });

  it('accepts a complete record, treats an empty optional contact as none, and names nested problems by path', () => {
    // Prepare
    const validate = entityValidator(enterpriseEntity, 'edit', 'zh-CN');

    // Act
    const none = validate(valid);
    const nested = validate({ ...valid, steward: { name: '王经理', phone: '123' } });

    // Assess
    expect(none).toEqual({});
    expect(Object.keys(nested)).toEqual(['steward']);
    expect((nested.steward as Record<string, string>).phone).toContain('手机号');
  });
});
