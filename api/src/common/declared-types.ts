import {
  type AnyEntity,
  type Field as Declared,
  enumOf,
  enums,
  type Fields,
  type FilterDeclaration,
  fieldOf,
  isAlwaysPresent,
  type ParseMode,
  type Shape,
} from '@yizhan/shared';
import { ArgsType, type ClassType, Field, Float, ID, InputType, Int, ObjectType, UseMiddleware } from 'type-graphql';
import { maskPersonalPhone } from '../auth/personal-data';
import { describeReaders } from '../auth/row-scope';
import { RecordFields } from './record.type';
import { DateScalar, DateTimeScalar } from './scalars';

/*
 * GraphQL types derived from the declarations in `shared/`: a field is declared once there and
 * appears here with its type, nullability, description and input checks.
 */

/** A group of input fields and how they are read: `create` (defaults, required) or `patch`. */
export interface InputPart {
  readonly fields: Fields;
  readonly mode: ParseMode;
  /** Whether descriptions say that a field may be left out (not for filters, where all may). */
  readonly noteOptional?: boolean;
  /** Whether `validateInput` checks the part; the service checks it when only it knows which fields apply (an action's). */
  readonly checkedByService?: boolean;
}

/** The checks of every generated input class, run by `validateInput` before a resolver. */
export const inputChecks = new WeakMap<object, readonly InputPart[]>();

const objectTypes = new Map<string, ClassType>();
const inputTypes = new Map<string, ClassType>();

/** type-graphql's type function of a field (its `ReturnTypeFunc`, which the package does not export). */
type TypeFunction = Parameters<typeof Field>[0] & (() => unknown);

function typeOf(field: Declared, direction: 'output' | 'input'): TypeFunction {
  switch (field.kind) {
    case 'text':
      return () => String;
    case 'id':
      return () => ID;
    case 'idList':
      return () => [ID];
    case 'date':
      return () => DateScalar;
    case 'dateTime':
      return () => DateTimeScalar;
    case 'integer':
      return () => Int;
    case 'decimal':
      return () => Float;
    case 'boolean':
      return () => Boolean;
    case 'enum':
      return () => enums[field.enumName];
    case 'enumList':
      return () => [enums[field.enumName]];
    case 'object': {
      const type = direction === 'output' ? objectTypeOf(field.shape) : inputTypeOf(`${field.shape.name}Input`, [{ fields: field.shape.fields, mode: 'create' }]);
      return () => type;
    }
    case 'objectList': {
      const type = direction === 'output' ? objectTypeOf(field.shape) : inputTypeOf(`${field.shape.name}Input`, [{ fields: field.shape.fields, mode: 'create' }]);
      return () => [type];
    }
  }
}

function sentence(...parts: (string | undefined)[]): string | undefined {
  const text = parts.filter((part): part is string => part !== undefined && part !== '').join(' ');
  return text === '' ? undefined : text;
}

function defaultOf(field: Declared): unknown {
  return 'default' in field ? field.default : undefined;
}

/** Declares the fields of an output type on `target`. */
function declareOutputFields(target: ClassType, fields: Fields): void {
  for (const [name, field] of Object.entries(fields)) {
    const masked = field.kind === 'text' && field.personalPhone === true;
    const description = sentence(field.description, masked ? 'Masked for VIEWER.' : undefined);
    Field(typeOf(field, 'output'), {
      nullable: !isAlwaysPresent(field),
      // GraphQL reads the property itself, without type-graphql's per-field wrapper; a masked
      // field keeps the wrapper, which runs its middleware.
      simple: !masked,
      ...(description ? { description } : {}),
      ...(field.deprecated ? { deprecationReason: field.deprecated } : {}),
    })(target.prototype, name);
    if (masked) UseMiddleware(maskPersonalPhone)(target.prototype, name);
  }
}

/** The output type of a value shape such as `Person`. */
function objectTypeOf(shape: Shape): ClassType {
  const existing = objectTypes.get(shape.name);
  if (existing) return existing;
  const type = namedClass(shape.name, class {});
  ObjectType(shape.name, shape.description ? { description: shape.description } : {})(type);
  objectTypes.set(shape.name, type);
  declareOutputFields(type, shape.fields);
  return type;
}

/**
 * The output type of an entity: record fields, declared and computed fields, the status, and a
 * description that says who reads it.
 */
export function entityTypeOf(entity: AnyEntity): ClassType {
  const type = namedClass(entity.name, class extends RecordFields {});
  // The record fields it inherits (id, version, …) are read directly too.
  ObjectType(entity.name, { simpleResolvers: true, description: sentence(entity.description, describeReaders(entity)) })(type);
  const computed = Object.fromEntries(Object.entries(entity.computed ?? {}).map(([name, declaration]) => [name, (declaration as { field: Declared }).field]));
  declareOutputFields(type, {
    ...entity.fields,
    ...computed,
    ...((entity.system ?? {}) as Fields),
    status: enumOf(entity.lifecycle.statusEnum, { label: entity.lifecycle.label, required: true, description: 'Changed only by the transition actions.' }),
  });
  return type;
}

function inputDescription(field: Declared, part: InputPart): string | undefined {
  if (part.mode === 'create') {
    const fallback = defaultOf(field);
    if ((field.required && fallback === undefined) || part.noteOptional === false) return field.description;
    return sentence(field.description, fallback === undefined || (Array.isArray(fallback) && fallback.length === 0) ? 'Optional.' : `Optional; defaults to ${JSON.stringify(fallback)}.`);
  }
  const clearing = field.required ? 'cannot be cleared' : defaultOf(field) !== undefined ? 'null resets it to its default' : 'null clears it';
  return sentence(field.description, `Omit to keep the current value; ${clearing}.`);
}

function declareInputFields(target: ClassType, part: InputPart): void {
  for (const [name, field] of Object.entries(part.fields)) {
    const mandatory = part.mode === 'create' && field.required === true && defaultOf(field) === undefined;
    const fallback = part.mode === 'create' ? defaultOf(field) : undefined;
    const description = inputDescription(field, part);
    Field(typeOf(field, 'input'), {
      nullable: !mandatory,
      ...(fallback !== undefined ? { defaultValue: fallback } : {}),
      ...(description ? { description } : {}),
      ...(field.deprecated ? { deprecationReason: field.deprecated } : {}),
    })(target.prototype, name);
  }
}

/** An input type made of parts; `validateInput` checks each part against its declaration. */
export function inputTypeOf(name: string, parts: readonly InputPart[], description?: string): ClassType {
  const existing = inputTypes.get(name);
  if (existing) return existing;
  const type = namedClass(name, class {});
  InputType(name, description ? { description } : {})(type);
  inputTypes.set(name, type);
  for (const part of parts) declareInputFields(type, part);
  inputChecks.set(type, parts);
  return type;
}

/** An arguments type (e.g. `first`, `after`) from declared fields, checked like inputs. */
export function argsTypeOf(name: string, fields: Fields): ClassType {
  const type = namedClass(name, class {});
  ArgsType()(type);
  const parts = [{ fields, mode: 'create' as const, noteOptional: false }];
  for (const part of parts) declareInputFields(type, part);
  inputChecks.set(type, parts);
  return type;
}

/** What a filter field matches, for its description. */
function filterDescription(filter: FilterDeclaration | undefined, name: string): string {
  switch (filter?.kind) {
    case 'in':
      return `Records whose ${filter.field} is any of these.`;
    case 'anyOf':
      return `Records whose ${filter.field} includes any of these.`;
    case 'from':
      return `${filter.field} on or after this.`;
    case 'to':
      return `${filter.field} on or before this.`;
    case 'scope':
      return 'Records of any of these stations (within your scope).';
    case 'enterprise':
      return 'Records of this enterprise (within your scope).';
    case 'equals':
      return `Records whose ${filter.field} is this.`;
    case 'overdue':
      return 'true: open and past the due date, as of now (listed in due order); false: the others of that order.';
    default:
      return `Text in: ${filter?.label?.en ?? name}.`;
  }
}

/** The list filter of an entity, e.g. `EnterpriseFilter`, from its filter declarations. */
export function filterTypeOf(entity: AnyEntity, shape: Shape): ClassType {
  const described: Record<string, Declared> = {};
  for (const [name, field] of Object.entries(shape.fields)) {
    const filter = entity.filters[name];
    described[name] = { ...field, description: filterDescription(filter, name) };
  }
  return inputTypeOf(shape.name, [{ fields: described, mode: 'create', noteOptional: false }], `Filters of the ${entity.plural} list; conditions combine with AND.`);
}

/** The status field of an entity, for inputs that still set it directly. */
export function statusField(entity: AnyEntity, deprecated: string): Declared {
  return { ...fieldOf(entity, 'status'), deprecated };
}

/** Names a generated class, so stack traces and metadata read like hand-written ones. */
function namedClass<T extends ClassType>(name: string, type: T): T {
  Object.defineProperty(type, 'name', { value: name });
  return type;
}
