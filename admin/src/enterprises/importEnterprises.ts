import { enterpriseEntity, type Fields, type Locale, locales, parseCreate } from '@yizhan/shared';
import type { HttpError, RaRecord } from 'react-admin';
import { parseCsv } from '../csv/csv';
import { type DeclaredColumn, declaredColumns, valueOfCell } from '../csv/declaredCsv';

/** What became of one row of an import. */
export interface ImportRowReport {
  /** The row's line in the file, the header being line 1. */
  readonly line: number;
  readonly name: string;
  readonly creditCode: string;
  readonly outcome: 'created' | 'existing' | 'refused';
  /** Why a row was refused, in the user's language (or the API's words). */
  readonly reason?: string;
}

export interface ImportDependencies {
  /** The stations, to resolve a station code column. */
  readonly stations: readonly { id: string; code: string }[];
  /** Creates one enterprise (the data provider's create); resolves with the record, new or already created with the same request id. */
  readonly create: (data: Record<string, unknown>) => Promise<RaRecord>;
  readonly locale: Locale;
  readonly now: () => Date;
  /** Texts of the console's own reasons (translated by the caller). */
  readonly messages: { unknownStation: (code: string) => string };
  readonly onProgress?: (done: number, total: number) => void;
}

const STATION_ID = 'stationId';
const STATION_CODE = 'stationCode';

/** How a header cell names a column: the field path, or its label in either language (`统一社会信用代码`, `Steward.Phone`…). */
function columnOfHeader(columns: readonly DeclaredColumn[], header: string): DeclaredColumn | typeof STATION_CODE | undefined {
  const wanted = header.trim();
  if (wanted === STATION_CODE || wanted === '驿站编码' || wanted === 'Station code') return STATION_CODE;
  return columns.find((column) => {
    if (column.path === wanted) return true;
    const [head, nested] = column.path.split('.');
    const parent = nested ? (enterpriseEntity.fields as Fields)[head!]!.label : undefined;
    return locales.some((locale) => (parent ? `${parent[locale]}.${column.field.label[locale]}` : column.field.label[locale]) === wanted);
  });
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, nested] = path.split('.');
  if (!nested) {
    target[head!] = value;
    return;
  }
  const object = (target[head!] ?? {}) as Record<string, unknown>;
  object[nested] = value;
  target[head!] = object;
}

/**
 * The row's request id: derived from the row's content, so importing the same file again asks
 * for the same creates, which the API answers with the records already created.
 */
async function clientRequestIdOf(input: Readonly<Record<string, unknown>>): Promise<string> {
  const canonical = JSON.stringify(Object.keys(input).sort().map((key) => [key, input[key]]));
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical)));
  const hex = [...digest].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `import-${String(input.creditCode ?? '')}-${hex.slice(0, 40)}`;
}

function reasonOfError(error: unknown): string {
  const body = (error as HttpError).body as { errors?: Record<string, string>; message?: string } | undefined;
  if (body?.errors) return Object.entries(body.errors).map(([field, message]) => `${field}: ${message}`).join('; ');
  return body?.message ?? (error as Error).message;
}

/** The API's refusal of a credit code another enterprise already holds: the row's enterprise is on record. */
function alreadyOnRecord(error: unknown): boolean {
  const body = (error as HttpError).body as { code?: string; errors?: Record<string, string> } | undefined;
  return body?.code === 'CONFLICT' && body.errors?.creditCode !== undefined;
}

/**
 * Imports the park's enterprise roster from CSV, row by row: each row is checked against the
 * declaration first (refused with the reason), then created with its request id. Rows the API
 * had already created (an earlier run) come back as `existing`: created before this run began,
 * or, once the request ids have expired, refused because the credit code is taken.
 */
export async function importEnterprises(text: string, dependencies: ImportDependencies): Promise<ImportRowReport[]> {
  const [header = [], ...rows] = parseCsv(text);
  const columns = declaredColumns(enterpriseEntity.fields as Fields);
  const mapped = header.map((cell) => columnOfHeader(columns, cell));
  const startedAt = dependencies.now().toISOString();
  const stationsByCode = new Map(dependencies.stations.map((station) => [station.code.toUpperCase(), station.id]));
  const reports: ImportRowReport[] = [];
  for (const [index, row] of rows.entries()) {
    const input: Record<string, unknown> = {};
    let refusal: string | undefined;
    mapped.forEach((column, position) => {
      const cell = row[position] ?? '';
      if (column === STATION_CODE) {
        if (cell.trim() === '') return;
        const id = stationsByCode.get(cell.trim().toUpperCase());
        if (id) input[STATION_ID] = id;
        else refusal = dependencies.messages.unknownStation(cell.trim());
      } else if (column !== undefined) {
        const value = valueOfCell(column.field, cell);
        if (value !== null) setPath(input, column.path, value);
      }
    });
    const line = index + 2;
    const name = String(input.name ?? '');
    const creditCode = String(input.creditCode ?? '');
    const parsed = parseCreate(enterpriseEntity, input, dependencies.now());
    if (!refusal && !parsed.ok) refusal = parsed.problems.map((problem) => problem.message[dependencies.locale]).join('；');
    if (refusal) {
      reports.push({ line, name, creditCode, outcome: 'refused', reason: refusal });
    } else {
      try {
        const record = await dependencies.create({ ...input, clientRequestId: await clientRequestIdOf(input) });
        reports.push({ line, name, creditCode, outcome: String(record.createdAt) < startedAt ? 'existing' : 'created' });
      } catch (error) {
        // Request ids are remembered for a day: a later run meets the credit code's guard instead, which is no refusal.
        reports.push(alreadyOnRecord(error) ? { line, name, creditCode, outcome: 'existing' } : { line, name, creditCode, outcome: 'refused', reason: reasonOfError(error) });
      }
    }
    dependencies.onProgress?.(index + 1, rows.length);
  }
  return reports;
}
