/**
 * CSV as spreadsheets write it (RFC 4180): fields separated by commas, quoted with double quotes
 * when they hold a comma, a quote or a line break, quotes doubled inside. A leading byte-order
 * mark is dropped on reading and written on output, so Excel opens Chinese text correctly.
 */

const BYTE_ORDER_MARK = '\uFEFF';

/** The rows of a CSV text, each a list of fields; blank lines are skipped. */
export function parseCsv(text: string): string[][] {
  const source = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < source.length; index += 1) {
    const character = source[index]!;
    if (quoted) {
      if (character === '"' && source[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') {
        quoted = false;
      } else {
        field += character;
      }
    } else if (character === '"') {
      quoted = true;
    } else if (character === ',') {
      row.push(field);
      field = '';
    } else if (character === '\n' || character === '\r') {
      if (character === '\r' && source[index + 1] === '\n') index += 1;
      row.push(field);
      if (row.some((value) => value !== '')) rows.push(row);
      row = [];
      field = '';
    } else {
      field += character;
    }
  }
  row.push(field);
  if (row.some((value) => value !== '')) rows.push(row);
  return rows;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A CSV text from a header and rows of values (null and undefined as empty fields). */
export function formatCsv(header: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const line = (values: readonly unknown[]) => values.map((value) => quote(value === null || value === undefined ? '' : String(value))).join(',');
  return `${BYTE_ORDER_MARK}${[line(header), ...rows.map(line)].join('\r\n')}\r\n`;
}
