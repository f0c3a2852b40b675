import { describe, expect, it } from 'vitest';
import { formatCsv, parseCsv } from './csv';

describe('CSV', () => {
  it('reads back what it writes: quotes, commas, line breaks and Chinese text', () => {
    // Prepare
    const rows = [
      ['湖南安达物流有限公司', 'a "quoted", text', 'two\nlines'],
      ['', '1,000', 'LITTLE_GIANT;HIGH_TECH'],
    ];

    // Act
    const text = formatCsv(['name', 'note', 'other'], rows);

    // Assess
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parseCsv(text)).toEqual([['name', 'note', 'other'], ...rows]);
  });

  it('reads files saved by spreadsheets: CRLF line ends, a trailing line break, blank lines', () => {
    // Act
    const rows = parseCsv('a,b\r\n1,2\r\n\r\n3,"4"\r\n');

    // Assess
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });
});
