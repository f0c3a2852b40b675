import { DEFAULT_SERVICE_LEVELS, type ServiceLevels } from '@yizhan/shared';

/**
 * Configuration, read once. Nothing else in the API reads `process.env`.
 * A missing required variable stops the process at start-up with its name.
 */
export interface Config {
  /** `production` hides introspection, stack traces and the landing page unless overridden. */
  readonly environment: 'development' | 'production';
  readonly tableName: string;
  /** Another DynamoDB (e.g. DynamoDB Local); absent in AWS. */
  readonly dynamodbEndpoint: string | undefined;
  readonly region: string;
  readonly auth: {
    /** Expected `iss` of tokens: the Cognito user pool URL in AWS, the local issuer locally. */
    readonly issuer: string;
    readonly jwksUrl: string;
    /** Expected audience: the Cognito app client id (`aud` of id tokens, `client_id` of access tokens). */
    readonly audience: string;
  };
  /** Key for signing list cursors so that a cursor cannot be forged or moved to another query. */
  readonly cursorSecret: string;
  readonly introspection: boolean;
  readonly includeStacktraceInErrors: boolean;
  readonly landingPage: boolean;
  readonly logLevel: string;
  readonly timezone: 'Asia/Shanghai';
  /** Bounds on every DynamoDB call, so a stalled database gives a timely error, never a hang. */
  readonly dynamodbTimeouts: {
    readonly connectionMs: number;
    /** Longest wait for an answer on an open connection, per attempt. */
    readonly requestMs: number;
    /** Attempts per call, the first included (throttling and timeouts are retried). */
    readonly maxAttempts: number;
  };
  /** Browser origins allowed to call the local server (the console's); none in production unless set. */
  readonly corsOrigins: readonly string[];
  /** Time limits, callback attempts and the repeat window of service requests. */
  readonly serviceLevels: ServiceLevels;
  /** Working days after a suspension within which the overdue 容缺 materials let an approval resume. */
  readonly approvalGraceWorkingDays: number;
  /** Seconds between the local server's sweeps; 0: none (in AWS a schedule runs the sweeper instead). */
  readonly sweepIntervalSeconds: number;
}

export type Environment = Readonly<Record<string, string | undefined>>;

class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

function required(env: Environment, name: string): string {
  const value = env[name];
  if (value === undefined || value.trim() === '') {
    throw new ConfigurationError(`Missing required environment variable ${name}`);
  }
  return value.trim();
}

function wholeNumber(env: Environment, name: string, fallback: number, min: number, max: number): number {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) {
    throw new ConfigurationError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  }
  return number;
}

function origins(env: Environment, name: string, fallback: readonly string[]): readonly string[] {
  const value = env[name];
  if (value === undefined) return fallback;
  const list = value.split(',').map((origin) => origin.trim()).filter(Boolean);
  for (const origin of list) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new ConfigurationError(`${name} must list origins such as https://console.example.com (no path), not "${origin}"`);
    }
  }
  return list;
}

/** Service levels: the park's defaults, each overridable. */
function serviceLevels(env: Environment): ServiceLevels {
  const defaults = DEFAULT_SERVICE_LEVELS;
  const days = wholeNumber(env, 'DUE_WORKING_DAYS', defaults.dueWorkingDays.STATION, 1, 60);
  return {
    dueWorkingDays: { STATION: days, ONSITE: days, ONLINE: days, HOTLINE: wholeNumber(env, 'HOTLINE_DUE_WORKING_DAYS', defaults.dueWorkingDays.HOTLINE, 1, 60) },
    complexDueWorkingDays: wholeNumber(env, 'COMPLEX_DUE_WORKING_DAYS', defaults.complexDueWorkingDays, 1, 120),
    callbackAttempts: wholeNumber(env, 'CALLBACK_MAX_ATTEMPTS', defaults.callbackAttempts, 1, 10),
    repeatWindowDays: wholeNumber(env, 'REPEAT_WINDOW_DAYS', defaults.repeatWindowDays, 1, 365),
  };
}

/** Where the console runs in development (Vite's port on both loopback names). */
const DEVELOPMENT_CONSOLE_ORIGINS = ['http://localhost:5173', 'http://127.0.0.1:5173'];

function flag(env: Environment, name: string, fallback: boolean): boolean {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new ConfigurationError(`${name} must be true or false, not "${value}"`);
}

/** Fetches a secret's value by its ARN (Secrets Manager in AWS). */
export type SecretReader = (secretArn: string, region: string) => Promise<string>;

/**
 * Reads the configuration like `readConfig`, first fetching the cursor key when the environment
 * names it by `CURSOR_SECRET_ARN` instead of giving it as `CURSOR_SECRET`, as the CDK stack does:
 * the key then never appears in a template or in the function's settings.
 */
export async function loadConfig(readSecret: SecretReader, env: Environment = process.env): Promise<Config> {
  const secretArn = env.CURSOR_SECRET_ARN?.trim();
  if (env.CURSOR_SECRET || !secretArn) return readConfig(env);
  return readConfig({ ...env, CURSOR_SECRET: await readSecret(secretArn, regionOf(env)) });
}

function regionOf(env: Environment): string {
  return env.AWS_REGION || 'cn-north-1';
}

/** Reads the configuration from an environment (defaults to `process.env`). */
export function readConfig(env: Environment = process.env): Config {
  const environmentName = env.APP_ENV ?? 'production';
  if (environmentName !== 'development' && environmentName !== 'production') {
    throw new ConfigurationError(`APP_ENV must be development or production, not "${environmentName}"`);
  }
  const development = environmentName === 'development';
  const issuer = required(env, 'AUTH_ISSUER');
  const cursorSecret = required(env, 'CURSOR_SECRET');
  if (!development && cursorSecret.length < 32) {
    throw new ConfigurationError('CURSOR_SECRET must be at least 32 characters in production');
  }
  return {
    environment: environmentName,
    tableName: required(env, 'TABLE_NAME'),
    dynamodbEndpoint: env.DYNAMODB_ENDPOINT || undefined,
    region: regionOf(env),
    auth: {
      issuer,
      jwksUrl: env.AUTH_JWKS_URL || `${issuer.replace(/\/$/, '')}/.well-known/jwks.json`,
      audience: required(env, 'AUTH_AUDIENCE'),
    },
    cursorSecret,
    introspection: flag(env, 'GRAPHQL_INTROSPECTION', development),
    includeStacktraceInErrors: flag(env, 'GRAPHQL_STACKTRACES', development),
    landingPage: flag(env, 'GRAPHQL_LANDING_PAGE', development),
    logLevel: env.LOG_LEVEL || 'INFO',
    timezone: 'Asia/Shanghai',
    dynamodbTimeouts: {
      connectionMs: wholeNumber(env, 'DYNAMODB_CONNECTION_TIMEOUT_MS', 1_000, 100, 60_000),
      requestMs: wholeNumber(env, 'DYNAMODB_REQUEST_TIMEOUT_MS', 1_500, 100, 60_000),
      maxAttempts: wholeNumber(env, 'DYNAMODB_MAX_ATTEMPTS', 3, 1, 10),
    },
    corsOrigins: origins(env, 'CORS_ORIGINS', development ? DEVELOPMENT_CONSOLE_ORIGINS : []),
    serviceLevels: serviceLevels(env),
    approvalGraceWorkingDays: wholeNumber(env, 'APPROVAL_GRACE_WORKING_DAYS', 15, 1, 60),
    sweepIntervalSeconds: wholeNumber(env, 'SWEEP_INTERVAL_SECONDS', 0, 0, 24 * 60 * 60),
  };
}
