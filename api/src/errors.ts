import type { FieldProblem } from '@yizhan/shared';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/** The `extensions.code` values of the contract (docs/api.md). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  CONFLICT: 'CONFLICT',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  FAILED_PRECONDITION: 'FAILED_PRECONDITION',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

/** An error the caller caused and may see: its message and extensions reach the client. */
export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  readonly extensions: Record<string, unknown>;

  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message);
    this.extensions = extensions;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = ErrorCode.UNAUTHENTICATED;
  constructor(message = 'Sign in to do this.') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = ErrorCode.FORBIDDEN;
  constructor(message = 'Your role does not allow this.') {
    super(message);
  }
}

export class NotFoundError extends DomainError {
  readonly code = ErrorCode.NOT_FOUND;
  constructor(entityType: string, id: string) {
    super(`${entityType} ${id} was not found.`, { entityType, id });
  }
}

export class BadUserInputError extends DomainError {
  readonly code = ErrorCode.BAD_USER_INPUT;
  constructor(fieldErrors: readonly FieldError[], message?: string) {
    super(message ?? fieldErrors.map((error) => error.message).join(' '), { fieldErrors });
  }

  static field(field: string, message: string): BadUserInputError {
    return new BadUserInputError([{ field, message }]);
  }

  /** Problems found against a declaration in `shared/`: each field's path and its English sentence. */
  static fromProblems(problems: readonly FieldProblem[]): BadUserInputError {
    return new BadUserInputError(problems.map((problem) => ({ field: problem.field, message: problem.message.en })));
  }
}

export class ConflictError extends DomainError {
  readonly code = ErrorCode.CONFLICT;
}

/** The record changed since the caller read it. */
export class StaleVersionError extends ConflictError {
  constructor(entityType: string, id: string, expectedVersion: number, currentVersion: number) {
    super(
      `${entityType} ${id} was changed by someone else (version ${currentVersion}, you had ${expectedVersion}). Reload and try again.`,
      { entityType, id, expectedVersion, currentVersion },
    );
  }
}

export class InvalidTransitionError extends DomainError {
  readonly code = ErrorCode.INVALID_TRANSITION;
  constructor(message: string, allowedActions: readonly string[]) {
    super(message, { allowedActions });
  }
}

export class FailedPreconditionError extends DomainError {
  readonly code = ErrorCode.FAILED_PRECONDITION;
}

/** Codes graphql-js and Apollo give to malformed requests; these are safe to show as they are. */
const requestErrorCodes = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const contractCodes = new Set<ErrorCode>(Object.values(ErrorCode));

export interface ErrorFormatting {
  readonly includeStacktrace: boolean;
  /** Production: graphql-js's "Did you mean …?" would reveal enum values and field names. */
  readonly hideSuggestions: boolean;
  readonly requestId: () => string | undefined;
  readonly logInternal: (error: unknown, requestId: string | undefined) => void;
}

/** Error names and codes of a database that is down, slow or throttling: worth a retry. */
const UNAVAILABLE = new Set([
  'TimeoutError',
  'AbortError',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
]);

function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return UNAVAILABLE.has(error.name) || (code !== undefined && UNAVAILABLE.has(code));
}

function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

/**
 * Maps every error to the contract in one place: domain errors and request errors keep their
 * message; anything else is an internal error, logged in full and shown only as a code and the
 * request id (marked retryable when the database was unavailable).
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  formatting: ErrorFormatting,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const location = { locations: formatted.locations, path: formatted.path };
  if (original instanceof DomainError) {
    return {
      message: original.message,
      ...location,
      extensions: { code: original.code, ...original.extensions },
    };
  }
  const code = formatted.extensions?.code;
  const raisedWithContractCode =
    error instanceof GraphQLError && error.originalError === undefined && contractCodes.has(code as ErrorCode);
  if (typeof code === 'string' && (requestErrorCodes.has(code) || raisedWithContractCode)) {
    const { stacktrace, ...extensions } = formatted.extensions ?? {};
    return {
      message: formatting.hideSuggestions ? withoutSuggestions(formatted.message) : formatted.message,
      ...location,
      extensions: formatting.includeStacktrace ? { ...extensions, stacktrace } : extensions,
    };
  }
  const requestId = formatting.requestId();
  formatting.logInternal(original, requestId);
  const unavailable = isUnavailable(original);
  return {
    message: unavailable
      ? `The database did not answer in time. Try again shortly; quote request id ${requestId ?? 'unknown'} if it persists.`
      : `Internal error. Quote request id ${requestId ?? 'unknown'} when reporting it.`,
    ...location,
    extensions: {
      code: ErrorCode.INTERNAL_SERVER_ERROR,
      requestId,
      ...(unavailable ? { retryable: true } : {}),
      ...(formatting.includeStacktrace && original instanceof Error ? { stacktrace: original.stack?.split('\n') } : {}),
    },
  };
}
