import { Chip, Stack } from '@mui/material';
import { type AnyEntity, deadline, type Locale, shanghaiTime, WorkingDayCalendar } from '@yizhan/shared';
import { DateField, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { fieldAt } from './fieldAt';

/** The working days that make a deadline "due soon". */
const DUE_SOON_WORKING_DAYS = 1;

/** The end of the working day after today (Asia/Shanghai) on the published calendar. */
function dueSoonLimit(now: Date): string {
  return deadline(now.toISOString(), DUE_SOON_WORKING_DAYS, new WorkingDayCalendar()).dueAt;
}

/**
 * A record's deadline at a glance: the due date or time, marked overdue (as the API computes
 * it), due within a working day while its clock runs, or provisional (in a year whose holidays are not published).
 * For records with `overdue` and `dueProvisional` next to the deadline field `source`.
 */
export function DueField({ entity, source }: { entity: AnyEntity; source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const due = record?.[source] as string | null | undefined;
  if (!record || !due) return null;
  const instant = fieldAt(entity, source).kind === 'dateTime';
  // Only while the clock runs (the due order's records: open requests, approvals under review).
  const running = entity.orders.DUE?.only?.holds(record) ?? false;
  const dueAt = instant ? due : shanghaiTime(due, '23:59:59.999').toISOString();
  const soon = running && !record.overdue && dueAt <= dueSoonLimit(new Date());
  const overdueLabel = entity.filters.overdue && 'label' in entity.filters.overdue ? entity.filters.overdue.label![locale as Locale] : '';
  return (
    <Stack direction="row" spacing={0.5} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
      <DateField source={source} showTime={instant} locales={locale} />
      {record.overdue && <Chip size="small" color="error" label={overdueLabel} />}
      {soon && <Chip size="small" color="warning" variant="outlined" label={translate('yizhan.clock.due_soon')} />}
      {record.dueProvisional && <Chip size="small" variant="outlined" label={fieldAt(entity, 'dueProvisional').label[locale as Locale]} />}
    </Stack>
  );
}
