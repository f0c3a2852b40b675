import { isCalendarDate, isIsoInstant } from '@yizhan/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !isCalendarDate(value)) {
    throw invalid(`Date must be a calendar date written YYYY-MM-DD, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** A calendar date in Asia/Shanghai, `YYYY-MM-DD`. Kept as a string: dates have no time zone. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date in Asia/Shanghai, written YYYY-MM-DD.',
  serialize: (value) => parseDate(value),
  parseValue: (value) => parseDate(value),
  parseLiteral: (ast) => parseDate(ast.kind === Kind.STRING ? ast.value : undefined),
});

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !isIsoInstant(value)) {
    throw invalid(`DateTime must be an ISO-8601 instant such as 2026-01-31T08:30:00Z, got ${JSON.stringify(value)}.`);
  }
  return new Date(value).toISOString();
}

/** An instant, ISO-8601 in UTC (`2026-01-31T08:30:00.000Z`). */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, ISO-8601; always answered in UTC.',
  serialize: (value) => (value instanceof Date ? value.toISOString() : parseDateTime(value)),
  parseValue: (value) => parseDateTime(value),
  parseLiteral: (ast) => parseDateTime(ast.kind === Kind.STRING ? ast.value : undefined),
});
