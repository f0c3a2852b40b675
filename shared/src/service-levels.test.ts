import { describe, expect, it } from 'vitest';
import { ServiceCategory, ServiceChannel } from './enums';
import { dueWorkingDays } from './service-levels';

describe('service levels', () => {
  it('gives hotline tickets five working days by default', () => {
    expect(dueWorkingDays(ServiceChannel.HOTLINE, ServiceCategory.CONSULTATION)).toBe(5);
  });

  it('gives complex categories ten working days on every channel', () => {
    for (const channel of Object.values(ServiceChannel)) {
      expect(dueWorkingDays(channel, ServiceCategory.PROJECT_APPROVAL)).toBe(10);
    }
  });
});
