import { type AnyEntity, type EnumName, enumLabels, type Field, type Fields, fieldOf } from '@yizhan/shared';

/** A column of a declared entity's CSV: its header (the field path) and the field it holds. */
export interface DeclaredColumn {
  readonly path: string;
  readonly field: Field;
}

/** Separator of list values (tags) inside one CSV field; the full-width one is accepted on reading too. */
const LIST_SEPARATOR = ';';

/** The columns of an entity's fields, objects flattened (`steward.name`, `steward.phone`). */
export function declaredColumns(fields: Fields, prefix = ''): DeclaredColumn[] {
  return Object.entries(fields).flatMap(([name, field]) =>
    field.kind === 'object' ? declaredColumns(field.shape.fields, `${prefix}${name}.`) : [{ path: `${prefix}${name}`, field }],
  );
}

/** The columns of an export: the record's id, every declared field, computed fields, status and times. */
export function exportColumns(entity: AnyEntity): DeclaredColumn[] {
  const extra = ['id', ...Object.keys(entity.computed ?? {}), 'status', 'createdAt', 'updatedAt'];
  return [
    ...declaredColumns(entity.fields as Fields),
    ...extra.map((path) => ({ path, field: path === 'id' ? ({ kind: 'id', label: { 'zh-CN': 'ID', en: 'ID' } } as Field) : fieldOf(entity, path) })),
  ];
}

/** A value as written in a CSV field: lists joined, everything else as text. */
export function csvValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.join(LIST_SEPARATOR);
  return String(value);
}

/** The value at a dotted path of a record. */
export function valueAt(record: Readonly<Record<string, unknown>>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), record);
}

/** An enum member from a CSV cell: its name, or its label in either language. */
function enumMemberOf(enumName: EnumName, cell: string): string | undefined {
  const members = enumLabels[enumName] as Readonly<Record<string, Readonly<Record<string, string>>>>;
  const wanted = cell.trim();
  return Object.keys(members).find((member) => member === wanted.toUpperCase() || Object.values(members[member]!).includes(wanted));
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', '是']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '否']);

/**
 * A field's value from a CSV cell, typed as the API takes it; a cell that does not read as the
 * type stays text, so the declaration's check refuses it with its usual message.
 */
export function valueOfCell(field: Field, cell: string): unknown {
  const text = cell.trim();
  if (text === '') return null;
  switch (field.kind) {
    case 'integer':
    case 'decimal': {
      const number = Number(text.replaceAll(',', ''));
      return Number.isFinite(number) ? number : text;
    }
    case 'boolean':
      if (TRUE_WORDS.has(text.toLowerCase())) return true;
      if (FALSE_WORDS.has(text.toLowerCase())) return false;
      return text;
    case 'enum':
      return enumMemberOf(field.enumName, text) ?? text;
    case 'enumList':
      return text
        .split(/[;；]/)
        .map((item) => item.trim())
        .filter((item) => item !== '')
        .map((item) => enumMemberOf(field.enumName, item) ?? item);
    default:
      return text;
  }
}
