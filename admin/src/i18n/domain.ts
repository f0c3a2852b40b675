import { type AnyEntity, approvalEntity, enterpriseEntity, enumLabels, type Field, type Fields, fieldOf, type Locale, projectEntity, serviceRequestEntity, stationEntity } from '@yizhan/shared';

/** The entities the console has resources for. */
const consoleEntities: readonly AnyEntity[] = [stationEntity, enterpriseEntity, serviceRequestEntity, projectEntity, approvalEntity];

/** The translation key of an enum member's label, e.g. `yizhan.enums.EnterpriseStatus.ACTIVE`. */
export function enumKey(enumName: string, value: string): string {
  return `yizhan.enums.${enumName}.${value}`;
}

/** react-admin's choices for an enum (their names are translation keys, so they follow the locale). */
export function enumChoices(enumName: keyof typeof enumLabels): { id: string; name: string }[] {
  return Object.keys(enumLabels[enumName]).map((value) => ({ id: value, name: enumKey(enumName, value) }));
}

function fieldLabels(fields: Fields, locale: Locale, prefix = ''): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [name, field] of Object.entries(fields)) {
    labels[`${prefix}${name}`] = field.label[locale];
    if (field.kind === 'object') Object.assign(labels, fieldLabels(field.shape.fields, locale, `${prefix}${name}.`));
  }
  return labels;
}

const META_FIELDS = ['status', 'createdAt', 'updatedAt'];

/**
 * react-admin's `resources.<name>` messages for an entity: its name (singular |||| plural) and
 * the label of every field (nested ones as `steward.name`), from the declaration in `shared/`.
 */
function resourceMessages(entity: AnyEntity, locale: Locale) {
  const fields: Record<string, string> = { ...fieldLabels(entity.fields as Fields, locale), ...fieldLabels((entity.system ?? {}) as Fields, locale) };
  for (const name of [...Object.keys(entity.computed ?? {}), ...META_FIELDS]) {
    fields[name] = (fieldOf(entity, name) as Field).label[locale];
  }
  for (const [name, filter] of Object.entries(entity.filters)) {
    if ('label' in filter && filter.label) fields[name] ??= filter.label[locale];
  }
  return { name: `${entity.label[locale]} |||| ${(entity.pluralLabel ?? entity.label)[locale]}`, fields };
}

/** Every domain label from `shared/` as translation messages: resources, fields, filters and enum members. */
export function domainMessages(locale: Locale) {
  const enums: Record<string, Record<string, string>> = {};
  for (const [enumName, members] of Object.entries(enumLabels)) {
    enums[enumName] = Object.fromEntries(Object.entries(members).map(([value, label]) => [value, (label as Record<Locale, string>)[locale]]));
  }
  const filters = (entity: AnyEntity) =>
    Object.fromEntries(Object.entries(entity.filters).flatMap(([name, filter]) => ('label' in filter && filter.label ? [[name, filter.label[locale]]] : [])));
  const orders = (entity: AnyEntity) => Object.fromEntries(Object.entries(entity.orders).map(([name, order]) => [name, order.label[locale]]));
  const byResource = <T>(messages: (entity: AnyEntity) => T) => Object.fromEntries(consoleEntities.map((entity) => [entity.plural, messages(entity)]));
  return {
    resources: byResource((entity) => resourceMessages(entity, locale)),
    yizhan: { enums, filters: byResource(filters), orders: byResource(orders) },
  };
}
