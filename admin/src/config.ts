/** How the console signs people in: the local dev server's issuer, or a Cognito user pool. */
type AuthMode = 'local' | 'cognito';

/**
 * What the console reads at start-up from `/config.json`, so that one build serves every stage:
 * the deployment writes it from its stack outputs, `npm start` and the browser tests serve their own.
 */
export interface ConsoleConfig {
  readonly stage: string;
  readonly authMode: AuthMode;
  /** The GraphQL endpoint, e.g. `http://localhost:4000/graphql`. */
  readonly apiUrl: string;
  readonly region: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

function text(source: Record<string, unknown>, name: string, fallback?: string): string {
  const value = source[name] ?? fallback;
  if (typeof value !== 'string') throw new Error(`config.json: "${name}" is missing or not text.`);
  return value;
}

/**
 * Reads a `config.json` document. Without `authMode`, a user pool means Cognito (deployments
 * before the field existed wrote only the pool).
 */
export function parseConsoleConfig(json: unknown): ConsoleConfig {
  if (typeof json !== 'object' || json === null) throw new Error('config.json is not a JSON object.');
  const source = json as Record<string, unknown>;
  const userPoolId = text(source, 'userPoolId', '');
  const authMode = text(source, 'authMode', userPoolId ? 'cognito' : 'local');
  if (authMode !== 'local' && authMode !== 'cognito') throw new Error(`config.json: unknown authMode "${authMode}".`);
  const config: ConsoleConfig = {
    stage: text(source, 'stage', 'local'),
    authMode,
    apiUrl: text(source, 'apiUrl'),
    region: text(source, 'region', ''),
    userPoolId,
    userPoolClientId: text(source, 'userPoolClientId', ''),
  };
  if (authMode === 'cognito' && (!config.userPoolId || !config.userPoolClientId)) {
    throw new Error('config.json: authMode "cognito" needs userPoolId and userPoolClientId.');
  }
  return config;
}

/** Fetches and reads `/config.json` next to `index.html`. */
export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch(`${import.meta.env.BASE_URL}config.json`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json could not be loaded (HTTP ${response.status}).`);
  return parseConsoleConfig(await response.json());
}
