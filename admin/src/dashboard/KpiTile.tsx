import { Card, CardContent, Tooltip, Typography } from '@mui/material';
import type { ShownFigure } from './figures';

/** One KPI: its label and value; a rate, average or speed-up tells what it is made of on hover or focus. */
export function KpiTile({ label, figure }: { label: string; figure: ShownFigure }) {
  const tile = (
    <Card component="section" aria-label={label} variant="outlined" tabIndex={figure.parts ? 0 : undefined} sx={{ height: '100%' }}>
      <CardContent>
        <Typography variant="body2" color="text.secondary">
          {label}
        </Typography>
        <Typography variant="h5" component="p" data-testid="kpi-value">
          {figure.value}
        </Typography>
      </CardContent>
    </Card>
  );
  return figure.parts ? (
    <Tooltip title={figure.parts} describeChild>
      {tile}
    </Tooltip>
  ) : (
    tile
  );
}
