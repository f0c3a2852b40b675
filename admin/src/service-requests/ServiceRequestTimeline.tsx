import { Box, Typography } from '@mui/material';
import { type Field, fieldOf, type Locale, serviceRequestEntity } from '@yizhan/shared';
import { type RaRecord, useGetList, useLocaleState, useRecordContext, useTranslate } from 'react-admin';
import { displayValue } from '../declared/displayValue';
import { actionText, changeText } from '../history/auditText';

/** Most events a request's history holds in practice (a dozen steps, a few callbacks); one page of the audit log. */
const MAX_EVENTS = 100;

/** The changes a step of the timeline names: where the request went, what was answered, how the clock moved. */
const TOLD = ['assignedUnit', 'stationId', 'reply', 'escalation'];

interface Change {
  readonly field: string;
  readonly from: unknown;
  readonly to: unknown;
}

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The parts of an object value (a callback, the latest extension) as `label：value`, in the declaration's order. */
function partsText(field: Field, value: unknown, locale: Locale, translate: Translate): string {
  if (field.kind !== 'object' && field.kind !== 'objectList') return '';
  const item = (Array.isArray(value) ? value.at(-1) : value) as Record<string, unknown> | null | undefined;
  if (!item) return '';
  return Object.entries(field.shape.fields)
    .flatMap(([name, part]) => {
      const shown = displayValue(part, item[name], locale, translate);
      return shown === '' ? [] : [`${part.label[locale]}：${shown}`];
    })
    .join('；');
}

/** What a step changed, in words: the told fields, the callback made, the extension granted, the new deadline. */
function stepDetails(changes: readonly Change[], locale: Locale, translate: Translate): string[] {
  return changes.flatMap((change) => {
    if (TOLD.includes(change.field)) return [changeText(serviceRequestEntity.name, change, locale, translate)];
    if (change.field === 'callback' || change.field === 'extensions') return [partsText(fieldOf(serviceRequestEntity, change.field), change.to, locale, translate)];
    if (change.field === 'dueAt' && change.to) {
      const dueAt = fieldOf(serviceRequestEntity, 'dueAt');
      return [`${dueAt.label[locale]}：${displayValue(dueAt, change.to, locale, translate)}`];
    }
    return [];
  });
}

/**
 * The ticket's story from its history, oldest first: received, dispatched, signed, replied,
 * called back, reopened, extended…, each step with when, who, what it changed and its note.
 */
export function ServiceRequestTimeline() {
  const record = useRecordContext();
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const { data: events } = useGetList<RaRecord>(
    'auditEvents',
    { filter: { entityId: record?.id }, pagination: { page: 1, perPage: MAX_EVENTS } },
    { enabled: Boolean(record) },
  );
  if (!record || !events) return null;
  const dates = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Box component="ol" aria-label={translate('yizhan.timeline.label')} sx={{ listStyle: 'none', m: 0, p: 0 }}>
      {[...events].reverse().map((event) => {
        const created = String(event.action).startsWith('create');
        const title = created ? translate('yizhan.timeline.received') : actionText(event as never, translate);
        // A creation lists every field's first value: the summary tab says that better.
        const details = created ? [] : stepDetails((event.changes ?? []) as Change[], locale as Locale, translate).filter((line) => line !== '');
        return (
          <Box component="li" key={String(event.id)} sx={{ borderLeft: 2, borderColor: 'primary.main', pl: 2, pb: 2, position: 'relative' }}>
            <Typography variant="subtitle2" component="h3">
              {title}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {dates.format(new Date(String(event.at)))} · {String(event.actor?.username ?? '')}
            </Typography>
            {details.map((line) => (
              <Typography key={line} variant="body2">
                {line}
              </Typography>
            ))}
            {event.note && <Typography variant="body2">{translate('yizhan.timeline.note', { note: String(event.note) })}</Typography>}
          </Box>
        );
      })}
    </Box>
  );
}
