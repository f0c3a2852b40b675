import type { Locale } from '@yizhan/shared';

/** A rate, an average or a speed-up as the API answers it (docs/dashboard.md). */
interface Rate {
  readonly value: number | null;
  readonly numerator: number;
  readonly denominator: number;
}
interface Average {
  readonly value: number | null;
  readonly sum: number;
  readonly count: number;
}
interface SpeedUp {
  readonly value: number | null;
  readonly actualWorkingDays: number;
  readonly referenceWorkingDays: number;
}

/** A figure as a tile shows it: the value, and what it is made of (shown on hover). */
export interface ShownFigure {
  readonly value: string;
  readonly parts?: string;
}

const isRate = (figure: object): figure is Rate => 'numerator' in figure;
const isAverage = (figure: object): figure is Average => 'sum' in figure;
const isSpeedUp = (figure: object): figure is SpeedUp => 'referenceWorkingDays' in figure;

/**
 * A figure in the user's language: counts and sums as numbers, rates and speed-ups as
 * percentages (two decimals: 99.99 % must not round to 100 %), averages to one decimal; a rate
 * with nothing to divide by as a dash. `parts` is the fraction behind it.
 */
export function showFigure(figure: unknown, locale: Locale): ShownFigure {
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const oneDecimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (typeof figure === 'number') return { value: number.format(figure) };
  if (figure === null || typeof figure !== 'object') return { value: '—' };
  if (isRate(figure)) {
    return { value: figure.value === null ? '—' : percent.format(figure.value), parts: `${number.format(figure.numerator)} / ${number.format(figure.denominator)}` };
  }
  if (isSpeedUp(figure)) {
    return {
      value: figure.value === null ? '—' : percent.format(figure.value),
      parts: `1 − ${number.format(figure.actualWorkingDays)} / ${number.format(figure.referenceWorkingDays)}`,
    };
  }
  if (isAverage(figure)) {
    return { value: figure.value === null ? '—' : oneDecimal.format(figure.value), parts: `${number.format(figure.sum)} / ${number.format(figure.count)}` };
  }
  return { value: '—' };
}

/** The value at a dotted path of a part (`jointAcceptance.firstPassRate`). */
export function figureAt(part: Readonly<Record<string, unknown>>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined), part);
}
