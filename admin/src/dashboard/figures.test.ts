import { describe, expect, it } from 'vitest';
import { figureAt, showFigure } from './figures';

describe('dashboard figures as tiles show them', () => {
  it('keeps 99.99 % from rounding up to 100 % and tells the fraction behind a rate', () => {
    // Act
    const onTime = showFigure({ value: 9994 / 9995, numerator: 9994, denominator: 9995 }, 'zh-CN');

    // Assess
    expect(onTime).toEqual({ value: '99.99%', parts: '9,994 / 9,995' });
  });

  it('shows averages to one decimal with their sum and count, speed-ups as percentages, counts with separators', () => {
    // Act
    const average = showFigure({ value: 1.4963, sum: 14_963, count: 10_000 }, 'en');
    const speedUp = showFigure({ value: 0.5, actualWorkingDays: 70, referenceWorkingDays: 140 }, 'en');
    const count = showFigure(10_008, 'en');

    // Assess
    expect(average).toEqual({ value: '1.5', parts: '14,963 / 10,000' });
    expect(speedUp).toEqual({ value: '50.00%', parts: '1 − 70 / 140' });
    expect(count).toEqual({ value: '10,008' });
  });

  it('shows a dash where there is nothing to divide by', () => {
    // Act
    const empty = showFigure({ value: null, numerator: 0, denominator: 0 }, 'zh-CN');

    // Assess
    expect(empty).toEqual({ value: '—', parts: '0 / 0' });
  });

  it('finds a figure by its dotted path', () => {
    // Assess
    expect(figureAt({ jointAcceptance: { decided: 14 } }, 'jointAcceptance.decided')).toBe(14);
    expect(figureAt({ jointAcceptance: null }, 'jointAcceptance.decided')).toBeUndefined();
  });
});
