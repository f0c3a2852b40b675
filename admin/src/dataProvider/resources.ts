import { type AnyEntity, approvalEntity, enterpriseEntity, type Field, type Fields, projectEntity, serviceRequestEntity, stationEntity } from '@yizhan/shared';

/** A resource backed by an entity declared in `shared/`: its queries, mutations, filters and sorts follow from the declaration. */
export interface RecordResource {
  readonly entity: AnyEntity;
  /** Fields the API adds to the declared ones (counts, links). */
  readonly extraSelection?: string;
  /** Fields a show page needs besides those (a project's stages), read for one record only. */
  readonly detailSelection?: string;
}

/** The console's record resources by react-admin resource name (the entity's plural). */
export const recordResources: Readonly<Record<string, RecordResource>> = {
  [stationEntity.plural]: { entity: stationEntity, extraSelection: 'enterpriseCount' },
  [enterpriseEntity.plural]: { entity: enterpriseEntity },
  [serviceRequestEntity.plural]: { entity: serviceRequestEntity, extraSelection: 'overdue' },
  [projectEntity.plural]: {
    entity: projectEntity,
    extraSelection: 'totalWorkingDays',
    detailSelection: 'stages { stage workingDays approvals { id number itemName department status acceptanceMode elapsedWorkingDays } }',
  },
  [approvalEntity.plural]: { entity: approvalEntity, extraSelection: 'overdue' },
};

/** The history resource: audit events, read-only, newest first. */
export const AUDIT_EVENTS = 'auditEvents';

export const auditEventSelection =
  'id at action entityType entityId versionBefore versionAfter note transition requestId actor { id username roles } changes { field from to }';

function selectionOfField(name: string, field: Field): string {
  if (field.kind === 'object' || field.kind === 'objectList') return `${name} { ${selectionOfFields(field.shape.fields)} }`;
  return name;
}

function selectionOfFields(fields: Fields): string {
  return Object.entries(fields)
    .map(([name, field]) => selectionOfField(name, field))
    .join(' ');
}

/** The GraphQL selection of a whole record: meta fields, declared, computed and system fields, status and the actions the viewer may take. */
export function recordSelection(resource: RecordResource): string {
  const { entity } = resource;
  const computed = Object.entries(entity.computed ?? {}).map(([name, declaration]) => selectionOfField(name, (declaration as { field: Field }).field));
  return [
    'id version createdAt updatedAt status availableActions',
    selectionOfFields(entity.fields as Fields),
    ...computed,
    selectionOfFields((entity.system ?? {}) as Fields),
    resource.extraSelection ?? '',
  ]
    .filter((part) => part !== '')
    .join(' ');
}

/** The fields a list can be sorted by (each an order of the declaration), so only those columns offer sorting. */
export function sortableFields(entity: AnyEntity): string[] {
  return Object.values(entity.orders)
    .filter((order) => !order.internal)
    .map((order) => order.field);
}

/** react-admin's sort for the entity's default sort value (e.g. `NAME_ASC` → name ascending). */
export function defaultSortOf(entity: AnyEntity): { field: string; order: 'ASC' | 'DESC' } {
  const match = /^(.*)_(ASC|DESC)$/.exec(entity.defaultSort)!;
  return { field: entity.orders[match[1]!]!.field, order: match[2] as 'ASC' | 'DESC' };
}

/** The API's sort value for react-admin's sort; a field without an order falls back to the default sort. */
export function sortValueOf(entity: AnyEntity, sort: { field: string; order: string } | undefined): string {
  const order = Object.entries(entity.orders).find(([, declaration]) => !declaration.internal && declaration.field === sort?.field);
  return order && sort ? `${order[0]}_${sort.order === 'DESC' ? 'DESC' : 'ASC'}` : entity.defaultSort;
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** The API's filter input from react-admin's filter values: only declared filters, lists where the API takes lists. */
export function filterValueOf(entity: AnyEntity, filter: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(entity.filters)) {
    const value = filter[name];
    if (isBlank(value)) continue;
    const takesList = declaration.kind === 'scope' || declaration.kind === 'in' || declaration.kind === 'anyOf';
    result[name] = takesList && !Array.isArray(value) ? [value] : value;
  }
  return result;
}

function isBlankObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((item) => isBlank(item) || isBlankObject(item));
}

/**
 * The input of a write from form values: only the given fields, empty text as null and an
 * object left wholly empty (an optional contact) as null.
 */
export function inputOf(fields: Fields, values: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(fields)) {
    const value = values[name];
    if (value === undefined) continue;
    if (field.kind === 'object') {
      input[name] = value === null || isBlankObject(value) ? null : inputOf(field.shape.fields, value as Record<string, unknown>);
    } else {
      input[name] = value === '' ? null : value;
    }
  }
  return input;
}
