import type { AnyEntity } from '@yizhan/shared';
import { downloadCSV, type Exporter, type RaRecord } from 'react-admin';
import { resourceOfEntity } from '../declared/references';
import { formatCsv } from './csv';
import { csvValue, exportColumns, valueAt } from './declaredCsv';

/** The column that names a referenced record by its code (`stationId` → `stationCode`), which people read and the import accepts. */
export function codeColumnOf(idPath: string): string {
  return idPath.replace(/Id$/, 'Code');
}

/**
 * The CSV export of any filtered list of a declared entity: every declared field by its name
 * (the header the import reads back), plus the code of each referenced record.
 */
export function declaredExporter(entity: AnyEntity): Exporter {
  return async (records: RaRecord[], fetchRelatedRecords, _dataProvider, resource) => {
    const columns = exportColumns(entity);
    const references = columns.filter((column) => column.field.kind === 'id' && column.field.references && resourceOfEntity[column.field.references]);
    const related = await Promise.all(
      references.map(async (column) => {
        const byId = await fetchRelatedRecords<RaRecord>(records, column.path, resourceOfEntity[(column.field as { references: string }).references]!);
        return { column, byId };
      }),
    );
    const header = [...columns.map((column) => column.path), ...related.map(({ column }) => codeColumnOf(column.path))];
    const rows = records.map((record) => [
      ...columns.map((column) => csvValue(valueAt(record, column.path))),
      ...related.map(({ column, byId }) => csvValue(byId[String(valueAt(record, column.path))]?.code)),
    ]);
    downloadCSV(formatCsv(header, rows), resource ?? entity.plural);
  };
}
