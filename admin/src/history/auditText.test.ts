import { describe, expect, it } from 'vitest';
import { i18nProvider } from '../i18n/i18nProvider';
import { actionText, changeText } from './auditText';

const translate = (key: string, options?: Record<string, unknown>) => i18nProvider.translate(key, options);

describe('audit events in words', () => {
  it('names the field by its label and enum values by theirs', () => {
    // Act
    const status = changeText('Enterprise', { field: 'status', from: 'ACTIVE', to: 'MOVED_OUT' }, 'zh-CN', translate);
    const tags = changeText('Enterprise', { field: 'tags', from: [], to: ['HIGH_TECH', 'ABOVE_SCALE'] }, 'zh-CN', translate);
    const flag = changeText('Enterprise', { field: 'registeredViaStation', from: false, to: true }, 'zh-CN', translate);
    const contact = changeText('Enterprise', { field: 'contact', from: null, to: { name: '王红梅', phone: '18685866723' } }, 'zh-CN', translate);

    // Assess
    expect(status).toBe('经营状态：在园经营 → 已迁出');
    expect(tags).toBe('企业标签：— → 高新技术企业、规上企业');
    expect(flag).toBe('驿站新办登记：否 → 是');
    expect(contact).toBe('企业联系人：— → 王红梅 18685866723');
  });

  it('says what an event did: the status action, or the kind of write', () => {
    // Act
    const moved = actionText({ entityType: 'Enterprise', action: 'transitionEnterprise', transition: 'MOVE_OUT' }, translate);
    const created = actionText({ entityType: 'Station', action: 'createStation' }, translate);

    // Assess
    expect(moved).toBe('迁出');
    expect(created).toBe('新建');
  });
});
