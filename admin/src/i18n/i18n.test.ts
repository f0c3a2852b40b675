import { enumLabels } from '@yizhan/shared';
import englishMessages from 'ra-language-english';
import { describe, expect, it } from 'vitest';
import { appMessages } from './app-messages';
import { messagesOf } from './i18nProvider';
import { raChinese } from './ra-chinese';

/** Every key of a nested message object, as react-admin looks them up (`ra.action.save`). */
function keysOf(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'object' && value !== null ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
}

describe('the console’s messages', () => {
  it('translate every react-admin key into Chinese, no more and no fewer', () => {
    // Act
    const chinese = keysOf(raChinese).sort();

    // Assess
    expect(chinese).toEqual(keysOf(englishMessages).sort());
  });

  it('keep the console’s own texts in both languages', () => {
    // Act
    const chinese = keysOf(appMessages['zh-CN']).sort();

    // Assess
    expect(chinese).toEqual(keysOf(appMessages.en).sort());
  });

  it('name every field, enum member and resource from the declarations in shared/', () => {
    // Prepare
    const chinese = messagesOf('zh-CN') as Record<string, Record<string, Record<string, unknown>>>;
    const english = messagesOf('en') as typeof chinese;

    // Act
    const enterprises = chinese.resources!.enterprises as { name: string; fields: Record<string, string> };

    // Assess
    expect(enterprises.name).toBe('经营主体 |||| 经营主体');
    expect(enterprises.fields.creditCode).toBe('统一社会信用代码');
    expect(enterprises.fields['steward.phone']).toBe('联系电话');
    expect((english.resources!.enterprises as { fields: Record<string, string> }).fields.status).toBe('Status');
    for (const [enumName, members] of Object.entries(enumLabels)) {
      expect(Object.keys((chinese.yizhan!.enums as Record<string, object>)[enumName]!)).toEqual(Object.keys(members));
    }
    expect((chinese.yizhan!.enums as Record<string, Record<string, string>>).EnterpriseStatus!.MOVED_OUT).toBe('已迁出');
  });
});
