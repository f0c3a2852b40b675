import { describe, expect, it } from 'vitest';
import { monthsOf, periodSegments } from './aggregates';

describe('the buckets a dashboard period reads', () => {
  it.each([
    ['a whole year from month items', '2023-01-01', '2023-12-31', [{ granularity: 'M', first: '2023-01', last: '2023-12' }]],
    ['one whole month', '2024-02-01', '2024-02-29', [{ granularity: 'M', first: '2024-02', last: '2024-02' }]],
    ['days inside one month', '2023-03-09', '2023-03-20', [{ granularity: 'D', first: '2023-03-09', last: '2023-03-20' }]],
    [
      'partial months at both ends around whole months',
      '2022-06-15',
      '2023-10-20',
      [
        { granularity: 'D', first: '2022-06-15', last: '2022-06-30' },
        { granularity: 'M', first: '2022-07', last: '2023-09' },
        { granularity: 'D', first: '2023-10-01', last: '2023-10-20' },
      ],
    ],
    [
      'two partial neighbouring months',
      '2023-12-20',
      '2024-01-05',
      [
        { granularity: 'D', first: '2023-12-20', last: '2023-12-31' },
        { granularity: 'D', first: '2024-01-01', last: '2024-01-05' },
      ],
    ],
    ['a single day', '2023-05-31', '2023-05-31', [{ granularity: 'D', first: '2023-05-31', last: '2023-05-31' }]],
  ])('%s', (_name, from, to, expected) => {
    // Act
    const segments = periodSegments(from, to);

    // Assess
    expect(segments).toEqual(expected);
  });
});

describe('the months of a dashboard period', () => {
  it('lists every month from the first day’s to the last day’s, across a new year', () => {
    // Act
    const months = monthsOf('2022-11-15', '2023-02-03');

    // Assess
    expect(months).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
  });
});
