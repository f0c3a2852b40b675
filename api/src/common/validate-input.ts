import { type FieldProblem, parseFields } from '@yizhan/shared';
import type { ValidatorFn } from 'type-graphql';
import { BadUserInputError } from '../errors';
import { inputChecks } from './declared-types';

/** type-graphql builds inputs as class instances; the declarations parse plain data. */
function toPlain(value: object): unknown {
  return JSON.parse(JSON.stringify(value));
}

/**
 * type-graphql's `validateFn`: checks every generated input against its declaration in
 * `shared/` before the resolver runs, and hands the resolver the normalised values (trimmed,
 * defaults filled, coordinates rounded). Services parse entity input again, since the seed and
 * imports call them without GraphQL; parsing is idempotent.
 */
export const validateInput: ValidatorFn = (value, type) => {
  const parts = typeof type === 'function' ? inputChecks.get(type) : undefined;
  if (!parts || typeof value !== 'object' || value === null) return;
  const given = toPlain(value);
  const now = new Date();
  const problems: FieldProblem[] = [];
  const normalised: Record<string, unknown> = {};
  for (const part of parts) {
    if (part.checkedByService) continue;
    const parsed = parseFields(part.fields, given, { mode: part.mode, now });
    if (parsed.ok) Object.assign(normalised, parsed.value);
    else problems.push(...parsed.problems);
  }
  if (problems.length > 0) throw BadUserInputError.fromProblems(problems);
  Object.assign(value, normalised);
};
