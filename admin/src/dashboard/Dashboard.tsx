import { Alert, Box, Grid, LinearProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { dashboardFigureLabels, dashboardPartLabels, isCalendarDate, type Locale, shanghaiDate } from '@yizhan/shared';
import { lazy, Suspense, useEffect, useState } from 'react';
import { Title, useDataProvider, useGetList, useLocaleState, useTranslate } from 'react-admin';
import type { DashboardFigures, YizhanDataProvider } from '../dataProvider/dataProvider';
import { enumKey } from '../i18n/domain';
import { figureAt, showFigure } from './figures';
import { KpiTile } from './KpiTile';

/** The charts come with their library, after the figures. */
const DashboardCharts = lazy(() => import('./DashboardCharts').then((module) => ({ default: module.DashboardCharts })));

type Part = keyof typeof dashboardPartLabels;
const PARTS = Object.keys(dashboardPartLabels) as Part[];

/** The period a dashboard opens on: this year so far (Asia/Shanghai). */
function thisYear(): { from: string; to: string } {
  const today = shanghaiDate(new Date());
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** The period and station pickers. */
function DashboardFilters({
  from,
  to,
  stationId,
  onChange,
}: {
  from: string;
  to: string;
  stationId: string;
  onChange: (change: Partial<{ from: string; to: string; stationId: string }>) => void;
}) {
  const translate = useTranslate();
  const { data: stations } = useGetList('stations', { pagination: { page: 1, perPage: 100 }, sort: { field: 'code', order: 'ASC' } });
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
      {(['from', 'to'] as const).map((end) => (
        <TextField
          key={end}
          type="date"
          fullWidth={false}
          label={translate(`yizhan.dashboard.${end}`)}
          value={end === 'from' ? from : to}
          onChange={(event) => onChange({ [end]: event.target.value })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 200 }}
        />
      ))}
      <TextField
        select
        fullWidth={false}
        label={translate('yizhan.dashboard.station')}
        value={stationId}
        onChange={(event) => onChange({ stationId: event.target.value })}
        slotProps={{ inputLabel: { shrink: true }, select: { displayEmpty: true } }}
        sx={{ width: 280 }}
      >
        <MenuItem value="">{translate('yizhan.dashboard.whole_park')}</MenuItem>
        {(stations ?? []).map((station) => (
          <MenuItem key={String(station.id)} value={String(station.id)}>
            {`${String(station.code)} ${String(station.name)}`}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}

/** One part's tiles (its figures as `shared/` labels them), then, for stations, the requests by channel. */
function PartFigures({ part, figures }: { part: Part; figures: Readonly<Record<string, unknown>> }) {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const labels = dashboardFigureLabels[part] as Readonly<Record<string, Readonly<Record<Locale, string>>>>;
  const byChannel = part === 'stations' ? (figures.byChannel as { channel: string; count: number }[]) : [];
  return (
    <Grid container spacing={2} sx={{ mb: 2 }}>
      {Object.entries(labels).map(([path, label]) => (
        <Grid key={path} size={{ xs: 12, sm: 6, md: 3 }}>
          <KpiTile label={label[locale as Locale]} figure={showFigure(figureAt(figures, path), locale as Locale)} />
        </Grid>
      ))}
      {byChannel.map(({ channel, count }) => (
        <Grid key={channel} size={{ xs: 12, sm: 6, md: 3 }}>
          <KpiTile label={translate('yizhan.dashboard.by_channel', { channel: translate(enumKey('ServiceChannel', channel)) })} figure={showFigure(count, locale as Locale)} />
        </Grid>
      ))}
    </Grid>
  );
}

/**
 * The home page of administrators and leadership (and the figures of their part for officers
 * and operators): KPI tiles of stations, approvals and the hotline for a period and a station,
 * each rate with its numerator and denominator on hover, and the monthly series as charts.
 */
export function Dashboard() {
  const dataProvider = useDataProvider<YizhanDataProvider>();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [filters, setFilters] = useState({ ...thisYear(), stationId: '' });
  const [figures, setFigures] = useState<DashboardFigures | undefined>();
  const [failure, setFailure] = useState<string | undefined>();
  const valid = isCalendarDate(filters.from) && isCalendarDate(filters.to) && filters.from <= filters.to;

  useEffect(() => {
    if (!valid) return;
    let current = true;
    setFigures(undefined);
    dataProvider.dashboard(filters.from, filters.to, filters.stationId || null).then(
      (answer) => {
        if (!current) return;
        setFigures(answer);
        setFailure(undefined);
      },
      (error: Error) => current && setFailure(error.message),
    );
    return () => {
      current = false;
    };
  }, [dataProvider, filters, valid]);

  return (
    <Box sx={{ p: 2 }}>
      <Title title="yizhan.dashboard.name" />
      <Typography variant="h5" component="h1" sx={{ mb: 2 }}>
        {translate('yizhan.dashboard.name')}
      </Typography>
      <DashboardFilters {...filters} onChange={(change) => setFilters((previous) => ({ ...previous, ...change }))} />
      {!valid && <Alert severity="warning">{translate('yizhan.dashboard.invalid_period')}</Alert>}
      {failure && <Alert severity="error">{failure}</Alert>}
      {valid && !figures && !failure && <LinearProgress aria-label={translate('ra.page.loading')} />}
      {figures &&
        PARTS.map((part) =>
          figures[part] ? (
            <Box key={part} component="section" aria-labelledby={`dashboard-${part}`} sx={{ mb: 3 }}>
              <Typography id={`dashboard-${part}`} variant="h6" component="h2" sx={{ mb: 1 }}>
                {dashboardPartLabels[part][locale as Locale]}
              </Typography>
              <PartFigures part={part} figures={figures[part]!} />
              <Suspense fallback={<LinearProgress />}>
                <DashboardCharts part={part} figures={figures[part]!} />
              </Suspense>
            </Box>
          ) : null,
        )}
    </Box>
  );
}
