import type { Field, Locale } from '@yizhan/shared';
import { enumKey } from '../i18n/domain';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** A field's value as people read it, in their language: enum members and yes/no by label, dates and instants in their format, nothing as empty. */
export function displayValue(field: Field, value: unknown, locale: Locale, translate: Translate): string {
  if (value === null || value === undefined) return '';
  switch (field.kind) {
    case 'enum':
      return translate(enumKey(field.enumName, String(value)), { _: String(value) });
    case 'boolean':
      return translate(`ra.boolean.${value === true}`);
    case 'dateTime':
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(String(value)));
    case 'date':
      return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${String(value)}T00:00:00Z`));
    default:
      return String(value);
  }
}
