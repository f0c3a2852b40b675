import { isCalendarDate, shanghaiDate } from '../calendar';
import { isEnumValue } from '../enums';
import type { Label } from '../labels';
import type { Field, Fields } from './field';
import { type FieldProblem, messages } from './messages';
import { decimalPlaces, roundTo } from './numbers';
import { findForbiddenCharacter, normalizeText, textLength } from './text';

/**
 * Checks and normalises input against field declarations. `create` applies defaults and insists
 * on required fields; `patch` looks only at the keys given (absent keeps, null clears).
 */
export type ParseMode = 'create' | 'patch';

export interface ParseOptions {
  readonly mode: ParseMode;
  /** Now, for `notInFuture`; dates compare with its calendar date in Asia/Shanghai. */
  readonly now: Date;
}

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly FieldProblem[] };

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether `value` is an ISO-8601 instant with an explicit offset, e.g. `2026-01-31T08:30:00Z`. */
export function isIsoInstant(value: string): boolean {
  return ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

type Outcome = { readonly value: unknown } | { readonly problems: readonly FieldProblem[] } | { readonly missing: true };

const MISSING: Outcome = { missing: true };

/**
 * Parses `input` (a plain object) against `fields`. Unknown keys are ignored: GraphQL has
 * already refused them, and other callers pass records with extra attributes.
 */
export function parseFields<T = Record<string, unknown>>(
  fields: Fields,
  input: unknown,
  options: ParseOptions,
  prefix = '',
): ParseResult<T> {
  const source = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>;
  const value: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const [name, field] of Object.entries(fields)) {
    const path = prefix ? `${prefix}.${name}` : name;
    const given = source[name];
    if (given === undefined && options.mode === 'patch') continue;
    const outcome = given === undefined || given === null ? MISSING : parseValue(field, given, path, options);
    if ('problems' in outcome) {
      problems.push(...outcome.problems);
    } else if ('value' in outcome) {
      value[name] = outcome.value;
    } else {
      const filled = fillMissing(field, path, options.mode);
      if ('problem' in filled) problems.push(filled.problem);
      else value[name] = filled.value;
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: value as T };
}

/** What a missing (absent, null or blank) value becomes: the default, null, or a problem. */
function fillMissing(field: Field, path: string, mode: ParseMode): { value: unknown } | { problem: FieldProblem } {
  const fallback = 'default' in field ? field.default : undefined;
  if (mode === 'create' && fallback !== undefined) return { value: fallback };
  if (field.required) {
    const message = mode === 'create' ? messages.required(path, field.label) : messages.cannotClear(path, field.label);
    return { problem: { field: path, rule: mode === 'create' ? 'required' : 'cannotClear', message } };
  }
  return { value: fallback ?? null };
}

function problem(field: string, rule: FieldProblem['rule'], message: Label): Outcome {
  return { problems: [{ field, rule, message }] };
}

function parseValue(field: Field, given: unknown, path: string, options: ParseOptions): Outcome {
  switch (field.kind) {
    case 'text':
      return parseText(field, given, path);
    case 'id':
      return parseId(field.label, given, path);
    case 'idList': {
      if (!Array.isArray(given)) return problem(path, 'type', messages.type(path, field.label, 'a list of ids'));
      if (given.length > field.maxItems) return problem(path, 'maxItems', messages.maxItems(path, field.label, field.maxItems));
      const ids: string[] = [];
      for (const [index, item] of given.entries()) {
        const outcome = parseId(field.label, item, `${path}.${index}`);
        if ('problems' in outcome) return outcome;
        if ('value' in outcome && !ids.includes(outcome.value as string)) ids.push(outcome.value as string);
      }
      return ids.length > 0 ? { value: ids } : MISSING;
    }
    case 'date': {
      if (typeof given !== 'string' || !isCalendarDate(given)) {
        return problem(path, 'type', messages.type(path, field.label, 'a date written YYYY-MM-DD'));
      }
      if (field.min !== undefined && given < field.min) return problem(path, 'min', messages.min(path, field.label, field.min));
      if (field.max !== undefined && given > field.max) return problem(path, 'max', messages.max(path, field.label, field.max));
      if (field.notInFuture && given > shanghaiDate(options.now)) {
        return problem(path, 'notInFuture', messages.notInFuture(path, field.label));
      }
      return { value: given };
    }
    case 'dateTime': {
      if (typeof given !== 'string' || !isIsoInstant(given)) {
        return problem(path, 'type', messages.type(path, field.label, 'an ISO-8601 instant such as 2026-01-31T08:30:00Z'));
      }
      const instant = new Date(given);
      if (field.notInFuture && instant.getTime() > options.now.getTime()) {
        return problem(path, 'notInFuture', messages.notInFuture(path, field.label));
      }
      return { value: instant.toISOString() };
    }
    case 'integer':
      if (typeof given !== 'number' || !Number.isInteger(given)) {
        return problem(path, 'type', messages.type(path, field.label, 'a whole number'));
      }
      return inRange(given, field.min, field.max, path, field.label);
    case 'decimal': {
      if (typeof given !== 'number' || !Number.isFinite(given)) {
        return problem(path, 'type', messages.type(path, field.label, 'a number'));
      }
      let number = given;
      if (decimalPlaces(number) > field.places) {
        if (field.excessPlaces !== 'round') {
          return problem(path, 'decimalPlaces', messages.decimalPlaces(path, field.label, field.places));
        }
        number = roundTo(number, field.places);
      }
      return inRange(number === 0 ? 0 : number, field.min, field.max, path, field.label);
    }
    case 'boolean':
      return typeof given === 'boolean' ? { value: given } : problem(path, 'type', messages.type(path, field.label, 'true or false'));
    case 'enum':
      return isEnumValue(field.enumName, given)
        ? { value: given }
        : problem(path, 'type', messages.type(path, field.label, `one of ${field.enumName}`));
    case 'enumList': {
      if (!Array.isArray(given) || !given.every((item) => isEnumValue(field.enumName, item))) {
        return problem(path, 'type', messages.type(path, field.label, `a list of ${field.enumName}`));
      }
      if (new Set(given).size !== given.length) return problem(path, 'duplicate', messages.duplicate(path, field.label));
      if (field.minItems !== undefined && given.length < field.minItems) {
        return problem(path, 'minItems', messages.minItems(path, field.label, field.minItems));
      }
      return { value: [...given] };
    }
    case 'object': {
      if (typeof given !== 'object' || Array.isArray(given)) {
        return problem(path, 'type', messages.type(path, field.label, 'an object'));
      }
      const nested = parseFields(field.shape.fields, given, { ...options, mode: 'create' }, path);
      return nested.ok ? { value: nested.value } : { problems: nested.problems };
    }
    case 'objectList': {
      if (!Array.isArray(given)) return problem(path, 'type', messages.type(path, field.label, 'a list'));
      if (field.minItems !== undefined && given.length < field.minItems) {
        return problem(path, 'minItems', messages.minItems(path, field.label, field.minItems));
      }
      if (given.length > field.maxItems) return problem(path, 'maxItems', messages.maxItems(path, field.label, field.maxItems));
      const items: unknown[] = [];
      const itemProblems: FieldProblem[] = [];
      for (const [index, item] of given.entries()) {
        const nested = parseFields(field.shape.fields, item, { ...options, mode: 'create' }, `${path}.${index}`);
        if (nested.ok) items.push(nested.value);
        else itemProblems.push(...nested.problems);
      }
      return itemProblems.length > 0 ? { problems: itemProblems } : { value: items };
    }
  }
}

function parseText(field: Extract<Field, { kind: 'text' }>, given: unknown, path: string): Outcome {
  if (typeof given !== 'string') return problem(path, 'type', messages.type(path, field.label, 'text'));
  const forbidden = findForbiddenCharacter(given, field.multiline === true);
  if (forbidden) return problem(path, 'character', messages.character(path, field.label, forbidden));
  const cleaned = normalizeText(given);
  if (cleaned === '') return MISSING;
  const value = field.normalize ? field.normalize(cleaned) : cleaned;
  if (textLength(value) > field.maxLength) return problem(path, 'maxLength', messages.maxLength(path, field.label, field.maxLength));
  if (field.pattern && !field.pattern.regex.test(value)) return problem(path, 'pattern', field.pattern.message(path));
  const refusal = field.check?.(value, path);
  if (refusal) return problem(path, 'check', refusal);
  return { value };
}

/** Ids are opaque but still text: no hidden characters, and short. */
const MAX_ID_LENGTH = 64;

function parseId(label: Label, given: unknown, path: string): Outcome {
  if (typeof given !== 'string') return problem(path, 'type', messages.type(path, label, 'an id'));
  const forbidden = findForbiddenCharacter(given, false);
  if (forbidden) return problem(path, 'character', messages.character(path, label, forbidden));
  const value = given.trim();
  if (value === '') return MISSING;
  if (value.length > MAX_ID_LENGTH) return problem(path, 'maxLength', messages.maxLength(path, label, MAX_ID_LENGTH));
  return { value };
}

function inRange(value: number, min: number, max: number, path: string, label: Label): Outcome {
  if (value < min) return problem(path, 'min', messages.min(path, label, min));
  if (value > max) return problem(path, 'max', messages.max(path, label, max));
  return { value };
}
