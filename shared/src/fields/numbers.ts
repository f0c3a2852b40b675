/**
 * Numbers as DynamoDB stores them: at most 38 significant digits, magnitudes between 1e-130 and
 * 1e126 (or zero). Every number field declares a range and a number of decimal places inside
 * those limits, so no accepted input can be refused by DynamoDB.
 */

/** Decimal places of a finite number as written in its shortest exact form (`1e-7` → 7). */
export function decimalPlaces(value: number): number {
  if (!Number.isFinite(value)) return Number.POSITIVE_INFINITY;
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  const mantissaPlaces = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, mantissaPlaces - Number(exponent));
}

/** `value` rounded to `places` decimal places (for |value| below 1e21); never -0. */
export function roundTo(value: number, places: number): number {
  const rounded = Number(value.toFixed(places));
  return rounded === 0 ? 0 : rounded;
}
