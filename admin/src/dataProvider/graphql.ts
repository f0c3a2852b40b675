import { HttpError } from 'react-admin';

/** One GraphQL error as the API sends it (docs/api.md: error codes). */
interface GraphqlError {
  readonly message: string;
  readonly extensions?: {
    readonly code?: string;
    readonly fieldErrors?: readonly { readonly field: string; readonly message: string }[];
    readonly allowedActions?: readonly string[];
  };
}

interface GraphqlBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly GraphqlError[];
}

/** Messages the console shows for errors whose text is the console's, not the API's (keys of the i18n messages). */
const errorMessages = {
  conflict: 'yizhan.errors.conflict',
  invalidTransition: 'yizhan.errors.invalid_transition',
  invalidInput: 'yizhan.errors.invalid_input',
  network: 'ra.notification.http_error',
} as const;

const statusOfCode: Readonly<Record<string, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  BAD_USER_INPUT: 400,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  FAILED_PRECONDITION: 412,
};

/**
 * The error react-admin understands for a GraphQL error: field errors in `body.errors` (shown on
 * the form's fields), a stale version as the "changed by someone else" message, a status that
 * tells the auth provider when the session is over.
 */
function toHttpError(error: GraphqlError, httpStatus: number): HttpError {
  const code = error.extensions?.code ?? (httpStatus === 401 ? 'UNAUTHENTICATED' : 'INTERNAL_SERVER_ERROR');
  const status = statusOfCode[code] ?? (httpStatus >= 400 ? httpStatus : 500);
  const fieldErrors = error.extensions?.fieldErrors ?? [];
  if (fieldErrors.length > 0) {
    const errors = Object.fromEntries(fieldErrors.map((fieldError) => [fieldError.field, fieldError.message]));
    return new HttpError(errorMessages.invalidInput, status, { code, errors, message: error.message });
  }
  if (code === 'CONFLICT') return new HttpError(errorMessages.conflict, status, { code, message: error.message });
  if (code === 'INVALID_TRANSITION') {
    return new HttpError(errorMessages.invalidTransition, status, { code, message: error.message, allowedActions: error.extensions?.allowedActions ?? [] });
  }
  return new HttpError(error.message, status, { code, message: error.message });
}

export interface GraphqlClientOptions {
  /** The GraphQL endpoint. */
  readonly url: string;
  /** The bearer token of the signed-in user, if any. */
  readonly token: () => Promise<string | undefined>;
  /** Defaults to the global fetch; tests pass recorded responses. */
  readonly fetch?: typeof fetch;
}

/** Sends GraphQL operations; resolves with `data` when there were no errors. */
export interface GraphqlClient {
  request<T>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** Like `request`, but also answers partial results: `data` (possibly null) and the errors. */
  requestPartial<T>(query: string, variables?: Record<string, unknown>): Promise<{ data: T | null; errors: readonly GraphqlError[] }>;
}

export function createGraphqlClient(options: GraphqlClientOptions): GraphqlClient {
  const send = async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const token = await options.token();
    let response: Response;
    try {
      response = await (options.fetch ?? fetch)(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
    } catch {
      throw new HttpError(errorMessages.network, 0);
    }
    let body: GraphqlBody<T>;
    try {
      body = (await response.json()) as GraphqlBody<T>;
    } catch {
      throw new HttpError(errorMessages.network, response.status);
    }
    return { status: response.status, data: body.data ?? null, errors: body.errors ?? [] };
  };
  return {
    async request<T>(query: string, variables?: Record<string, unknown>): Promise<T> {
      const { status, data, errors } = await send<T>(query, variables);
      if (errors.length > 0) throw toHttpError(errors[0]!, status);
      if (data === null) throw new HttpError(errorMessages.network, status);
      return data;
    },
    async requestPartial<T>(query: string, variables?: Record<string, unknown>) {
      const { status, data, errors } = await send<T>(query, variables);
      if (data === null && errors.length > 0) throw toHttpError(errors[0]!, status);
      return { data, errors };
    },
  };
}
