import UploadIcon from '@mui/icons-material/Upload';
import {
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  LinearProgress,
  Button as MuiButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { enterpriseEntity, type Locale, stationEntity } from '@yizhan/shared';
import { type ChangeEvent, useState } from 'react';
import { Button, useCanAccess, useDataProvider, useLocaleState, useRefresh, useTranslate } from 'react-admin';
import { type ImportRowReport, importEnterprises } from './importEnterprises';

/** Imports the park's enterprise roster from a CSV file and reports, row by row, what was created and why a row was refused. */
export function ImportButton() {
  const { canAccess } = useCanAccess({ action: 'import', resource: enterpriseEntity.plural });
  const dataProvider = useDataProvider();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [locale] = useLocaleState();
  const [open, setOpen] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | undefined>();
  const [reports, setReports] = useState<ImportRowReport[] | undefined>();
  if (!canAccess) return null;

  const run = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setReports(undefined);
    setProgress({ done: 0, total: 0 });
    const { data: stations } = await dataProvider.getList(stationEntity.plural, { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' }, filter: {} });
    const result = await importEnterprises(await file.text(), {
      stations: stations as { id: string; code: string }[],
      create: async (data) => (await dataProvider.create(enterpriseEntity.plural, { data })).data,
      locale: locale as Locale,
      now: () => new Date(),
      messages: { unknownStation: (code) => translate('yizhan.csv_import.unknown_station', { code }) },
      onProgress: (done, total) => setProgress({ done, total }),
    });
    setProgress(undefined);
    setReports(result);
    refresh();
  };

  const count = (outcome: ImportRowReport['outcome']) => reports?.filter((report) => report.outcome === outcome).length ?? 0;
  const close = () => {
    setOpen(false);
    setReports(undefined);
  };
  return (
    <>
      <Button label="yizhan.csv_import.button" onClick={() => setOpen(true)}>
        <UploadIcon />
      </Button>
      <Dialog open={open} onClose={close} aria-labelledby="import-title" fullWidth maxWidth="md">
        <DialogTitle id="import-title">{translate('yizhan.csv_import.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('yizhan.csv_import.help')}</DialogContentText>
          <MuiButton component="label" variant="contained" sx={{ my: 2 }} disabled={progress !== undefined}>
            {translate('yizhan.csv_import.choose')}
            <input type="file" accept=".csv,text/csv" hidden onChange={run} data-testid="import-file" />
          </MuiButton>
          {progress && (
            <>
              <Typography>{translate('yizhan.csv_import.running', { current: progress.done, total: progress.total })}</Typography>
              <LinearProgress variant={progress.total ? 'determinate' : 'indeterminate'} value={progress.total ? (100 * progress.done) / progress.total : 0} />
            </>
          )}
          {reports && (
            <>
              <Typography role="status" sx={{ my: 1, fontWeight: 'bold' }}>
                {translate('yizhan.csv_import.summary', { total: reports.length, created: count('created'), existing: count('existing'), refused: count('refused') })}
              </Typography>
              <Table size="small" aria-label={translate('yizhan.csv_import.title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('yizhan.csv_import.row')}</TableCell>
                    <TableCell>{translate('resources.enterprises.fields.name')}</TableCell>
                    <TableCell>{translate('resources.enterprises.fields.creditCode')}</TableCell>
                    <TableCell>{translate('yizhan.csv_import.result')}</TableCell>
                    <TableCell>{translate('yizhan.csv_import.reason')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {reports.map((report) => (
                    <TableRow key={report.line}>
                      <TableCell>{report.line}</TableCell>
                      <TableCell>{report.name}</TableCell>
                      <TableCell>{report.creditCode}</TableCell>
                      <TableCell>{translate(`yizhan.csv_import.${report.outcome}`)}</TableCell>
                      <TableCell>{report.reason ?? ''}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={close}>{translate('yizhan.csv_import.close')}</MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
