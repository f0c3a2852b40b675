import type { EnumName, EnumValue } from '../enums';
import type { Label } from '../labels';

/**
 * Field declarations: what a value is, the rules it obeys and how people call it. Each entity
 * declares its fields once (see `entities/`); the API derives its GraphQL types and checks from
 * them, the console its forms and filters, the seed its input types.
 */

interface FieldCommon {
  /** What the console calls the field. */
  readonly label: Label;
  /** For the API reference (GraphQL descriptions), in English. */
  readonly description?: string;
  /**
   * The record always has a value. On a create it must be given unless there is a `default`;
   * an update may leave it out (unchanged) but not clear it.
   */
  readonly required?: boolean;
  /** Why clients should stop using the field (GraphQL `@deprecated`). */
  readonly deprecated?: string;
  /** Given on create only; updates cannot change it (e.g. a request's channel). */
  readonly immutable?: boolean;
}

/** Text people type. Always cleaned (see `text.ts`): trimmed, NFC, blank is missing. */
export interface TextField extends FieldCommon {
  readonly kind: 'text';
  /** In characters (code points). */
  readonly maxLength: number;
  /** Allows line breaks and tabs. */
  readonly multiline?: boolean;
  /** A shape the value must have; the message names the field by its path (`contact.phone`). */
  readonly pattern?: { readonly regex: RegExp; readonly message: (path: string) => Label };
  /** Brings a cleaned value to its stored form (e.g. a credit code without spaces, upper case). */
  readonly normalize?: (value: string) => string;
  /** A further rule on the normalised value: why it is refused, or undefined when it is fine. */
  readonly check?: (value: string, path: string) => Label | undefined;
  readonly default?: string;
  /** List filter `q` matches this field. */
  readonly searchable?: boolean;
  /** A name: sorted in pinyin order; `q` also matches its full pinyin and initials. */
  readonly pinyin?: boolean;
  /** No two records of the entity share a value. */
  readonly unique?: boolean;
  /** Personal phone number: masked for roles that do not call people. */
  readonly personalPhone?: boolean;
}

/** The id of a record (of `references`, when it points at another entity). */
export interface IdField extends FieldCommon {
  readonly kind: 'id';
  readonly references?: string;
}

/** Several record ids, e.g. a filter on stations. */
export interface IdListField extends FieldCommon {
  readonly kind: 'idList';
  readonly maxItems: number;
}

/** A calendar date, `YYYY-MM-DD` in Asia/Shanghai. */
export interface DateField extends FieldCommon {
  readonly kind: 'date';
  readonly notInFuture?: boolean;
  readonly min?: string;
  readonly max?: string;
  readonly default?: string;
}

/** An instant, ISO-8601, stored in UTC. */
export interface DateTimeField extends FieldCommon {
  readonly kind: 'dateTime';
  readonly notInFuture?: boolean;
}

export interface IntegerField extends FieldCommon {
  readonly kind: 'integer';
  readonly min: number;
  readonly max: number;
  readonly default?: number;
}

/**
 * A decimal such as money in 万元. More decimal places than `places` are refused, or rounded
 * where precision beyond them means nothing (`excessPlaces: 'round'`, e.g. coordinates).
 */
export interface DecimalField extends FieldCommon {
  readonly kind: 'decimal';
  readonly min: number;
  readonly max: number;
  readonly places: number;
  readonly excessPlaces?: 'refuse' | 'round';
  readonly default?: number;
}

export interface BooleanField extends FieldCommon {
  readonly kind: 'boolean';
  readonly default?: boolean;
}

export interface EnumField<E extends EnumName = EnumName> extends FieldCommon {
  readonly kind: 'enum';
  readonly enumName: E;
  /** A member of the enum. */
  readonly default?: string;
}

/** Several members of an enum, each at most once. */
export interface EnumListField<E extends EnumName = EnumName> extends FieldCommon {
  readonly kind: 'enumList';
  readonly enumName: E;
  readonly minItems?: number;
  /** Members of the enum. */
  readonly default?: readonly string[];
}

/** A value made of fields of its own, e.g. a contact person. */
export interface ObjectField<S extends Shape = Shape> extends FieldCommon {
  readonly kind: 'object';
  readonly shape: S;
}

export interface ObjectListField<S extends Shape = Shape> extends FieldCommon {
  readonly kind: 'objectList';
  readonly shape: S;
  readonly minItems?: number;
  readonly maxItems: number;
}

export type Field =
  | TextField
  | IdField
  | IdListField
  | DateField
  | DateTimeField
  | IntegerField
  | DecimalField
  | BooleanField
  | EnumField
  | EnumListField
  | ObjectField
  | ObjectListField;

export type Fields = Readonly<Record<string, Field>>;

/** A named group of fields: a value type (Person) or the editable part of an entity. */
export interface Shape<F extends Fields = Fields> {
  /** The GraphQL type name of the value (`Person`; inputs add `Input`). */
  readonly name: string;
  readonly description?: string;
  readonly fields: F;
}

/** The stored value of a field. */
export type ValueOf<F> = F extends { readonly kind: 'text' | 'id' | 'date' | 'dateTime' }
  ? string
  : F extends { readonly kind: 'idList' }
    ? readonly string[]
    : F extends { readonly kind: 'integer' | 'decimal' }
      ? number
      : F extends { readonly kind: 'boolean' }
        ? boolean
        : F extends { readonly kind: 'enum'; readonly enumName: infer E extends EnumName }
          ? EnumValue<E>
          : F extends { readonly kind: 'enumList'; readonly enumName: infer E extends EnumName }
            ? readonly EnumValue<E>[]
            : F extends { readonly kind: 'object'; readonly shape: infer S extends Shape }
              ? ValueOfShape<S>
              : F extends { readonly kind: 'objectList'; readonly shape: infer S extends Shape }
                ? readonly ValueOfShape<S>[]
                : never;

/** Whether a record always has the field: it is required or has a default. */
export type AlwaysPresent<F> = F extends { readonly required: true }
  ? true
  : F extends { readonly default: unknown }
    ? true
    : false;

export type ValueOfFields<F extends Fields> = {
  readonly [K in keyof F]: AlwaysPresent<F[K]> extends true ? ValueOf<F[K]> : ValueOf<F[K]> | null;
};

export type ValueOfShape<S extends Shape> = ValueOfFields<S['fields']>;

/** Keys a create must give: required and without a default. */
type MandatoryKeys<F extends Fields> = {
  [K in keyof F]: F[K] extends { readonly required: true } ? (F[K] extends { readonly default: unknown } ? never : K) : never;
}[keyof F];

/** What a create accepts before normalisation (the seed and imports write these). */
export type InputOfFields<F extends Fields> = { readonly [K in MandatoryKeys<F>]: ValueOf<F[K]> } & {
  readonly [K in Exclude<keyof F, MandatoryKeys<F>>]?: ValueOf<F[K]> | null;
};

/** What an update accepts: any field; absent keeps the value, null clears an optional one. */
export type PatchOfFields<F extends Fields> = { readonly [K in keyof F]?: ValueOf<F[K]> | null };

/** Whether a field's value is always present in a record. */
export function isAlwaysPresent(field: Field): boolean {
  return field.required === true || ('default' in field && field.default !== undefined);
}

type Options<F extends Field> = Omit<F, 'kind'>;

export function text<const O extends Options<TextField>>(options: O): O & { readonly kind: 'text' } {
  return { ...options, kind: 'text' };
}

export function id<const O extends Options<IdField>>(options: O): O & { readonly kind: 'id' } {
  return { ...options, kind: 'id' };
}

export function idList<const O extends Options<IdListField>>(options: O): O & { readonly kind: 'idList' } {
  return { ...options, kind: 'idList' };
}

export function date<const O extends Options<DateField>>(options: O): O & { readonly kind: 'date' } {
  return { ...options, kind: 'date' };
}

export function dateTime<const O extends Options<DateTimeField>>(options: O): O & { readonly kind: 'dateTime' } {
  return { ...options, kind: 'dateTime' };
}

export function integer<const O extends Options<IntegerField>>(options: O): O & { readonly kind: 'integer' } {
  return { ...options, kind: 'integer' };
}

export function decimal<const O extends Options<DecimalField>>(options: O): O & { readonly kind: 'decimal' } {
  return { ...options, kind: 'decimal' };
}

export function boolean<const O extends Options<BooleanField>>(options: O): O & { readonly kind: 'boolean' } {
  return { ...options, kind: 'boolean' };
}

export function enumOf<const E extends EnumName, const O extends Omit<Options<EnumField<E>>, 'enumName'>>(
  enumName: E,
  options: O,
): O & { readonly kind: 'enum'; readonly enumName: E } {
  return { ...options, kind: 'enum', enumName };
}

export function enumList<const E extends EnumName, const O extends Omit<Options<EnumListField<E>>, 'enumName'>>(
  enumName: E,
  options: O,
): O & { readonly kind: 'enumList'; readonly enumName: E } {
  return { ...options, kind: 'enumList', enumName };
}

export function object<const S extends Shape, const O extends Omit<Options<ObjectField<S>>, 'shape'>>(
  shape: S,
  options: O,
): O & { readonly kind: 'object'; readonly shape: S } {
  return { ...options, kind: 'object', shape };
}

export function objectList<const S extends Shape, const O extends Omit<Options<ObjectListField<S>>, 'shape'>>(
  shape: S,
  options: O,
): O & { readonly kind: 'objectList'; readonly shape: S } {
  return { ...options, kind: 'objectList', shape };
}

export function shape<const F extends Fields>(name: string, fields: F, description?: string): Shape<F> {
  return { name, fields, ...(description ? { description } : {}) };
}
