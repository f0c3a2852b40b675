import { Box } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { LineChart } from '@mui/x-charts/LineChart';
import { dashboardFigureLabels, dashboardPartLabels, type Locale } from '@yizhan/shared';
import { useLocaleState } from 'react-admin';

type Part = keyof typeof dashboardPartLabels;
type Month = Readonly<Record<string, unknown>> & { readonly month: string };

/** The monthly series each part charts, by figure name (their labels are the figures'). */
const COUNTS: Readonly<Record<Part, readonly string[]>> = {
  stations: ['onsiteVisits', 'problemsSolved'],
  approvals: ['accepted', 'decided', 'tolerantAccepted'],
  hotline: ['received'],
};
const RATES: Readonly<Record<Part, readonly string[]>> = { stations: [], approvals: [], hotline: ['onTimeRate', 'satisfactionRate'] };

const CHART_HEIGHT = 260;

/** The monthly series of one part of the dashboard: counts as bars, rates as lines in percent. */
export function DashboardCharts({ part, figures }: { part: Part; figures: Readonly<Record<string, unknown>> }) {
  const [locale] = useLocaleState();
  const months = (figures.monthly ?? []) as Month[];
  const labels = dashboardFigureLabels[part] as Readonly<Record<string, Readonly<Record<Locale, string>>>>;
  const label = (name: string) => labels[name]![locale as Locale];
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
  const xAxis = [{ scaleType: 'band' as const, data: months.map((month) => month.month) }];
  return (
    <Box role="img" aria-label={`${dashboardPartLabels[part][locale as Locale]}: ${[...COUNTS[part], ...RATES[part]].map(label).join(', ')}`}>
      <BarChart height={CHART_HEIGHT} xAxis={xAxis} series={COUNTS[part].map((name) => ({ label: label(name), data: months.map((month) => Number(month[name] ?? 0)) }))} />
      {RATES[part].length > 0 && (
        <LineChart
          height={CHART_HEIGHT}
          xAxis={[{ scaleType: 'point', data: months.map((month) => month.month) }]}
          yAxis={[{ min: 0, max: 1, valueFormatter: (value: number) => percent.format(value) }]}
          series={RATES[part].map((name) => ({
            label: label(name),
            data: months.map((month) => (month[name] as { value: number | null } | undefined)?.value ?? null),
            valueFormatter: (value: number | null) => (value === null ? '—' : percent.format(value)),
          }))}
        />
      )}
    </Box>
  );
}
