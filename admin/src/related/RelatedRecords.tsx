import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import type { AnyEntity, Locale } from '@yizhan/shared';
import { useEffect, useState } from 'react';
import { useDataProvider, useLocaleState, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import type { RelatedPage, YizhanDataProvider } from '../dataProvider/dataProvider';
import { displayValue } from '../declared/displayValue';
import { fieldAt } from '../declared/fieldAt';

/** Rows a related list shows; the total says how many there are in all. */
const SHOWN = 10;

/**
 * One related list of the record in view (an enterprise's service requests, projects or
 * approvals), read through the record's own connection field: its first rows in the columns
 * given, labelled and formatted from the related entity's declaration. Nothing is shown when
 * the viewer may not see the list.
 */
export function RelatedRecords({ entity, connection, columns }: { entity: AnyEntity; connection: string; columns: readonly string[] }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [page, setPage] = useState<RelatedPage | null | undefined>();
  useEffect(() => {
    if (!record) return;
    let current = true;
    dataProvider.related(resource, record.id, connection, columns, SHOWN).then(
      (loaded) => current && setPage(loaded),
      () => current && setPage(null),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, resource, record, connection, columns]);
  if (!page) return null;

  const cell = (name: string, value: unknown) => displayValue(fieldAt(entity, name), value, locale as Locale, translate);
  const title = entity.label[locale as Locale];
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3">
        {translate('yizhan.related.count', { name: title, count: page.totalCount })}
      </Typography>
      {page.nodes.length > 0 && (
        <Table size="small" aria-label={title}>
          <TableHead>
            <TableRow>
              {columns.map((name) => (
                <TableCell key={name}>{fieldAt(entity, name).label[locale as Locale]}</TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {page.nodes.map((node) => (
              <TableRow key={String(node.id)}>
                {columns.map((name) => (
                  <TableCell key={name}>{cell(name, node[name])}</TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
}
