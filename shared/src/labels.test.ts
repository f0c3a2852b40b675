import { describe, expect, it } from 'vitest';
import { type EnumName, enums } from './enums';
import { enumLabel, enumLabels, locales } from './labels';

const enumNames = Object.keys(enums) as EnumName[];

describe('enumLabels', () => {
  it.each(enumNames)('labels every member of %s in every locale', (enumName) => {
    const labels: Readonly<Record<string, Readonly<Record<string, string>>>> = enumLabels[enumName];
    for (const value of Object.values(enums[enumName])) {
      for (const locale of locales) {
        expect(labels[value]?.[locale]?.trim(), `${enumName}.${value} ${locale}`).toBeTruthy();
      }
    }
  });

  it.each(enumNames)('labels nothing that is not a member of %s', (enumName) => {
    expect(Object.keys(enumLabels[enumName]).sort()).toEqual(Object.values(enums[enumName]).sort());
  });

  it('has an entry for exactly the registered enums', () => {
    expect(Object.keys(enumLabels).sort()).toEqual([...enumNames].sort());
  });

  it('uses the design’s Chinese terms', () => {
    expect(enumLabels.EnterpriseTag.LITTLE_GIANT['zh-CN']).toBe('专精特新"小巨人"');
    expect(enumLabels.ServiceCategory.BUSINESS_REGISTRATION['zh-CN']).toBe('商事登记');
    expect(enumLabels.ApprovalStatus.ACCEPTED_TOLERANT['zh-CN']).toBe('容缺受理');
    expect(enumLabels.AcceptanceMode.COMMITMENT['zh-CN']).toBe('告知承诺');
  });
});

describe('enumLabel', () => {
  it('answers in Chinese by default and in English on request', () => {
    expect(enumLabel('CreditStatus', 'DISHONEST')).toBe('失信');
    expect(enumLabel('ServiceChannel', 'HOTLINE', 'en')).toBe('12345 hotline');
  });
});
