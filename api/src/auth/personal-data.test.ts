import { describe, expect, it } from 'vitest';
import { maskPhone } from './personal-data';

describe('maskPhone', () => {
  it.each([
    ['13812345678', '138****5678'],
    ['0731-58581234', '0731-****1234'],
    ['073158581234', '0731****1234'],
    ['0731-58581234-12', '0731-****1234-12'],
    ['010-6858123', '010-***8123'],
    ['12345', '12345'],
  ])('masks %s as %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('never shows more than half of a number it does not recognise', () => {
    expect(maskPhone('987')).toBe('**7');
    expect(maskPhone('+8613812345678')).toBe('**********5678');
  });
});
