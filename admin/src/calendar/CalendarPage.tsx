import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { CALENDAR_YEARS, type Locale, parseFields, setCalendarDayFields, shanghaiDate } from '@yizhan/shared';
import { useCallback, useEffect, useState } from 'react';
import { Title, useDataProvider, useLocaleState, useNotify, useTranslate } from 'react-admin';
import type { WorkCalendar, YizhanDataProvider } from '../dataProvider/dataProvider';
import { formErrors } from '../declared/validation';
import { enumChoices } from '../i18n/domain';

const kinds = enumChoices('CalendarDayKind');

/**
 * The working-day calendar of a year: the holidays and make-up days deadlines count on, and the
 * administrators' overrides (e.g. next year's arrangement before the package has it).
 */
export function CalendarPage() {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const [year, setYear] = useState(() => Number(shanghaiDate(new Date()).slice(0, 4)));
  const [calendar, setCalendar] = useState<WorkCalendar | undefined>();
  const [draft, setDraft] = useState({ date: '', kind: 'HOLIDAY', name: '' });
  const [errors, setErrors] = useState<Record<string, unknown>>({});

  const load = useCallback(() => {
    dataProvider.workCalendar(year).then(setCalendar, (error: Error) => notify(error.message, { type: 'error' }));
  }, [dataProvider, year, notify]);
  useEffect(load, [load]);

  const dateFormat = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', weekday: 'short', timeZone: 'UTC' });
  const shownDate = (date: string) => dateFormat.format(new Date(`${date}T00:00:00Z`));

  const save = async () => {
    const existing = calendar?.overrides.find((override) => override.date === draft.date);
    const input = { date: draft.date, kind: draft.kind, name: draft.name || null, ...(existing ? { expectedVersion: existing.version } : {}) };
    const parsed = parseFields(setCalendarDayFields, input, { mode: 'create', now: new Date() });
    if (!parsed.ok) {
      setErrors(formErrors(parsed.problems, locale as Locale));
      return;
    }
    setErrors({});
    try {
      await dataProvider.setCalendarDay(input);
      notify('yizhan.calendar.saved', { type: 'success' });
      setDraft({ date: '', kind: 'HOLIDAY', name: '' });
      load();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  const remove = async (date: string, expectedVersion: number) => {
    try {
      await dataProvider.removeCalendarDay({ date, expectedVersion });
      notify('yizhan.calendar.removed', { type: 'success' });
      load();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="yizhan.calendar.name" />
      <CardContent>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
          <TextField
            label={translate('yizhan.calendar.year')}
            type="number"
            value={year}
            onChange={(event) => setYear(Math.min(CALENDAR_YEARS.last, Math.max(CALENDAR_YEARS.first, Number(event.target.value))))}
            size="small"
            sx={{ width: 140 }}
          />
          {calendar && <Typography>{translate('yizhan.calendar.working_days', { count: calendar.workingDayCount })}</Typography>}
        </Stack>
        {calendar?.provisional && <Alert severity="warning">{translate('yizhan.calendar.provisional')}</Alert>}

        <Typography variant="h6" component="h2" sx={{ mt: 2 }}>
          {translate('yizhan.calendar.overrides')}
        </Typography>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', my: 1, flexWrap: 'wrap' }} useFlexGap>
          <TextField
            label={setCalendarDayFields.date.label[locale as Locale]}
            type="date"
            value={draft.date}
            onChange={(event) => setDraft({ ...draft, date: event.target.value })}
            error={Boolean(errors.date)}
            helperText={errors.date ? String(errors.date) : ' '}
            size="small"
            sx={{ width: 200 }}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            select
            label={setCalendarDayFields.kind.label[locale as Locale]}
            value={draft.kind}
            onChange={(event) => setDraft({ ...draft, kind: event.target.value })}
            size="small"
            sx={{ width: 160 }}
          >
            {kinds.map((kind) => (
              <MenuItem key={kind.id} value={kind.id}>
                {translate(kind.name)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            label={setCalendarDayFields.name.label[locale as Locale]}
            value={draft.name}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
            error={Boolean(errors.name)}
            helperText={errors.name ? String(errors.name) : ' '}
            size="small"
            sx={{ width: 220 }}
          />
          <Button variant="contained" onClick={save}>
            {translate('yizhan.calendar.add')}
          </Button>
        </Stack>
        <Table size="small" aria-label={translate('yizhan.calendar.overrides')}>
          <TableHead>
            <TableRow>
              <TableCell>{setCalendarDayFields.date.label[locale as Locale]}</TableCell>
              <TableCell>{setCalendarDayFields.kind.label[locale as Locale]}</TableCell>
              <TableCell>{setCalendarDayFields.name.label[locale as Locale]}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {calendar?.overrides.map((override) => (
              <TableRow key={override.date}>
                <TableCell>{shownDate(override.date)}</TableCell>
                <TableCell>{translate(`yizhan.enums.CalendarDayKind.${override.kind}`)}</TableCell>
                <TableCell>{override.name ?? ''}</TableCell>
                <TableCell align="right">
                  <Button size="small" color="error" onClick={() => remove(override.date, override.version)}>
                    {translate('yizhan.calendar.remove')}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>

        <Typography variant="h6" component="h2" sx={{ mt: 3 }}>
          {translate('yizhan.calendar.special_days')}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={translate('yizhan.calendar.special_days')}>
            <TableHead>
              <TableRow>
                <TableCell>{setCalendarDayFields.date.label[locale as Locale]}</TableCell>
                <TableCell>{setCalendarDayFields.kind.label[locale as Locale]}</TableCell>
                <TableCell>{setCalendarDayFields.name.label[locale as Locale]}</TableCell>
                <TableCell>{translate('yizhan.calendar.decided_by')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {calendar?.specialDays.map((day) => (
                <TableRow key={day.date}>
                  <TableCell>{shownDate(day.date)}</TableCell>
                  <TableCell>{translate(`yizhan.calendar.type.${day.kind}`)}</TableCell>
                  <TableCell>{day.name ?? ''}</TableCell>
                  <TableCell>{translate(`yizhan.calendar.source.${day.source}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
      </CardContent>
    </Card>
  );
}
