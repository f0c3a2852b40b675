import type { App } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';

/** The deployments of the application; each is a separate set of stacks. */
const stageNames = ['dev', 'prod'] as const;
type StageName = (typeof stageNames)[number];

/**
 * What differs between stages. Everything else is the same in dev and prod, so dev rehearses
 * prod: the same stacks, functions, permissions, alarms and cdk-nag checks.
 */
export interface Stage {
  readonly name: StageName;
  /**
   * Whether stateful resources (table, user pool, console buckets) survive the stack: deletion
   * protection on, RETAIN on removal. Off in dev, so `npm run destroy` removes everything.
   */
  readonly protectData: boolean;
  /** Whether every user must sign in with a one-time code (TOTP); optional in dev. */
  readonly requireMfa: boolean;
  /** How long CloudWatch keeps the functions' logs and the API's access logs. */
  readonly logRetention: RetentionDays;
  /** Concurrent executions reserved for the GraphQL function: its ceiling and its guarantee. */
  readonly graphqlConcurrency: number;
  /** Steady requests per second and burst the HTTP API admits before answering 429. */
  readonly apiThrottle: { readonly rateLimit: number; readonly burstLimit: number };
  /** Browser origins allowed to call the API besides the console's own (`-c corsOrigins=…`). */
  readonly extraCorsOrigins: readonly string[];
  /** The console build to deploy (`-c consoleBuild=…`), relative to the repository root. */
  readonly consoleBuild: string;
}

const stages: Record<StageName, Omit<Stage, 'extraCorsOrigins' | 'consoleBuild'>> = {
  dev: {
    name: 'dev',
    protectData: false,
    requireMfa: false,
    logRetention: RetentionDays.TWO_WEEKS,
    graphqlConcurrency: 10,
    apiThrottle: { rateLimit: 20, burstLimit: 40 },
  },
  prod: {
    name: 'prod',
    protectData: true,
    requireMfa: true,
    logRetention: RetentionDays.ONE_YEAR,
    graphqlConcurrency: 100,
    apiThrottle: { rateLimit: 200, burstLimit: 400 },
  },
};

/** The application's name, which prefixes every stack name (`Yizhan-dev-Data` …). */
export const APPLICATION_NAME = 'Yizhan';

/** The console's build output that `npm run build -w admin` will write. */
const DEFAULT_CONSOLE_BUILD = 'admin/dist';

/**
 * The stage chosen on the command line: `-c stage=dev|prod` (dev when absent), with the optional
 * `-c corsOrigins=https://a.example,http://localhost:5173` and `-c consoleBuild=path`.
 */
export function stageFromContext(app: App): Stage {
  const name = String(app.node.tryGetContext('stage') ?? 'dev');
  if (!(stageNames as readonly string[]).includes(name)) {
    throw new Error(`Unknown stage "${name}": use -c stage=${stageNames.join(' or -c stage=')}`);
  }
  return {
    ...stages[name as StageName],
    extraCorsOrigins: corsOrigins(app.node.tryGetContext('corsOrigins')),
    consoleBuild: String(app.node.tryGetContext('consoleBuild') ?? DEFAULT_CONSOLE_BUILD),
  };
}

function corsOrigins(value: unknown): string[] {
  if (value === undefined || value === '') return [];
  const origins = String(value)
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
      throw new Error(`corsOrigins must list origins such as https://console.example.com (no path), not "${origin}"`);
    }
  }
  return origins;
}
