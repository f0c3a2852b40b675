import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { AnyEntity, Locale } from '@yizhan/shared';
import { useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { displayValue } from './displayValue';
import { fieldAt } from './fieldAt';

/**
 * A list of objects of a record (an approval's materials, pauses or joint checks; a request's
 * extensions) as a table whose columns are the parts of the declared shape, labelled and
 * formatted from it; `empty` says what an empty list means.
 */
export function ObjectListField({ entity, source, empty }: { entity: AnyEntity; source: string; empty?: string; label?: string }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const field = fieldAt(entity, source);
  if (field.kind !== 'objectList' || !record) return null;
  const items = (record[source] ?? []) as Record<string, unknown>[];
  if (items.length === 0) return <Typography variant="body2">{empty ?? '—'}</Typography>;
  const parts = Object.entries(field.shape.fields);
  return (
    <Table size="small" aria-label={field.label[locale as Locale]}>
      <TableHead>
        <TableRow>
          {parts.map(([name, part]) => (
            <TableCell key={name}>{part.label[locale as Locale]}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {items.map((item, index) => (
          // Items have no identity of their own; their place in the record's list is theirs.
          <TableRow key={index}>
            {parts.map(([name, part]) => (
              <TableCell key={name}>{displayValue(part, item[name], locale as Locale, translate)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
