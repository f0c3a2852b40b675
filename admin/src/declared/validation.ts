import { type AnyEntity, editableFields, type FieldProblem, type Fields, type Locale, parseCreate, parseFields } from '@yizhan/shared';
import { inputOf } from '../dataProvider/resources';

/** Sets `message` at a dotted path (`steward.phone`) of a nested errors object, as react-admin's forms expect. */
function setAt(errors: Record<string, unknown>, path: string, message: string): void {
  const parts = path.split('.');
  let node = errors;
  for (const part of parts.slice(0, -1)) {
    node[part] = typeof node[part] === 'object' && node[part] !== null ? node[part] : {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = message;
}

/** Problems as react-admin form errors, in the user's language. */
export function formErrors(problems: readonly FieldProblem[], locale: Locale): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  for (const problem of problems) setAt(errors, problem.field, problem.message[locale]);
  return errors;
}

/**
 * A form-level validator from the same declarations the API checks against: a new record is
 * checked as a create input, an edited one on the fields an update may change.
 */
export function entityValidator(entity: AnyEntity, mode: 'create' | 'edit', locale: Locale, now: () => Date = () => new Date()) {
  return (values: Record<string, unknown>): Record<string, unknown> => {
    if (mode === 'create') {
      const parsed = parseCreate(entity, inputOf(entity.fields as Fields, values), now());
      return parsed.ok ? {} : formErrors(parsed.problems, locale);
    }
    const fields = editableFields(entity);
    const parsed = parseFields(fields, inputOf(fields, values), { mode: 'create', now: now() });
    return parsed.ok ? {} : formErrors(parsed.problems, locale);
  };
}
