import { type AnyEntity, approvalEntity, type EnumName, enterpriseEntity, type Field, fieldOf, type Locale, projectEntity, serviceRequestEntity, stationEntity } from '@yizhan/shared';
import { enumKey } from '../i18n/domain';

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** The declarations of the entity types audit events name. */
const entitiesByType: Readonly<Record<string, AnyEntity>> = Object.fromEntries(
  [stationEntity, enterpriseEntity, serviceRequestEntity, projectEntity, approvalEntity].map((entity) => [entity.name, entity]),
);

function fieldOrUndefined(entity: AnyEntity | undefined, name: string): Field | undefined {
  try {
    return entity ? fieldOf(entity, name) : undefined;
  } catch {
    return undefined;
  }
}

/** A value as people read it: enum members by label, lists and contacts joined, nothing as a dash. */
function valueText(field: Field | undefined, value: unknown, translate: Translate): string {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) return '—';
  const member = (item: unknown) => (field && (field.kind === 'enum' || field.kind === 'enumList') ? translate(enumKey(field.enumName, String(item)), { _: String(item) }) : String(item));
  if (Array.isArray(value)) return value.map((item) => (typeof item === 'object' ? valueText(undefined, item, translate) : member(item))).join('、');
  if (typeof value === 'boolean') return translate(`ra.boolean.${value}`);
  if (typeof value === 'object') return Object.values(value as Record<string, unknown>).map((item) => valueText(undefined, item, translate)).join(' ');
  return member(value);
}

/** One change of an audit event in words: the field's label, then the value before and after. */
export function changeText(entityType: string, change: { field: string; from: unknown; to: unknown }, locale: Locale, translate: Translate): string {
  const field = fieldOrUndefined(entitiesByType[entityType], change.field);
  return translate('yizhan.history.from_to', {
    field: field?.label[locale] ?? change.field,
    from: valueText(field, change.from, translate),
    to: valueText(field, change.to, translate),
  });
}

/** What an audit event did: the status action's label, or create / update / delete for a mutation. */
export function actionText(event: { entityType: string; action: string; transition?: string | null }, translate: Translate): string {
  const entity = entitiesByType[event.entityType];
  if (event.transition && entity) return translate(enumKey(entity.lifecycle.actionEnum as EnumName, event.transition), { _: event.transition });
  const verb = /^(create|update|delete)/.exec(event.action)?.[1];
  return verb ? translate(`yizhan.history.verbs.${verb}`) : event.action;
}

/** The label of the entity type an event concerns. */
export function entityTypeText(entityType: string, locale: Locale): string {
  return entitiesByType[entityType]?.label[locale] ?? entityType;
}
