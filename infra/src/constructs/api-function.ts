import { join } from 'node:path';
import { AssetHashType, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { BUNDLE_FILE, bundleLambdaHandler } from '../../../api/src/bundle';
import { repositoryRoot } from '../repository';

/** The newest Node.js runtime aws-cdk-lib knows; the bundle targets Node.js 22 and runs on it. */
const NODE_RUNTIME = Runtime.NODEJS_24_X;

export interface ApiFunctionProps {
  /** The handler's entry point, relative to the repository root, e.g. `api/src/lambda.ts`; it exports `handler`. */
  readonly entry: string;
  /** What the function does, shown in the Lambda console. */
  readonly description: string;
  /** Its configuration: the variables `api/src/config.ts` reads. */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Longest run of one invocation. Keep it below the timeout of whatever calls the function.
   * @default Duration.seconds(10)
   */
  readonly timeout?: Duration;
  /**
   * Memory, which also buys CPU: at 1 GiB cold starts of the 2 MiB bundle stay short.
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Concurrent executions reserved for the function: at most this many run at once, and they
   * are never starved by other functions of the account.
   * @default - none reserved: the account's unreserved pool
   */
  readonly reservedConcurrentExecutions?: number;
  /**
   * How long its log group keeps logs.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to the log group when the function is removed.
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * A Node.js Lambda function built from one of the API's entry points by the repository's one
 * esbuild build (`api/src/bundle.ts`) on the machine that synthesises — no Docker — with the
 * organisation's defaults: the newest Node.js runtime on ARM64, active X-Ray tracing, source
 * maps, a log group of its own with a retention, and a role that may write to that log group and
 * nothing else until something is granted to it.
 */
export class ApiFunction extends Construct {
  readonly function: LambdaFunction;
  readonly logGroup: LogGroup;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: ApiFunctionProps) {
    super(scope, id);
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    // Instead of the managed AWSLambdaBasicExecutionRole, which may write to every log group.
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Runs ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);

    this.function = new LambdaFunction(this, 'Function', {
      description: props.description,
      runtime: NODE_RUNTIME,
      architecture: Architecture.ARM_64,
      handler: `${BUNDLE_FILE.replace(/\.mjs$/, '')}.handler`,
      code: bundledCode(props.entry),
      role: this.role,
      logGroup: this.logGroup,
      tracing: Tracing.ACTIVE,
      timeout: props.timeout ?? Duration.seconds(10),
      memorySize: props.memorySize ?? 1024,
      ...(props.reservedConcurrentExecutions === undefined ? {} : { reservedConcurrentExecutions: props.reservedConcurrentExecutions }),
      // No `NODE_OPTIONS=--enable-source-maps`: parsing the map costs ~50 ms of every cold start.
      // Traces keep function names (the bundle keeps names); docs/deploy.md says how to map one.
      environment: { ...props.environment },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level permissions, so they are granted on *; test/infra checks that they are the only actions on *.',
    });
  }
}

/**
 * The entry point bundled locally. CDK's bundling API requires a container image as the
 * fallback; the fallback never runs, because the local build either succeeds or throws, and the
 * command says so should it ever be reached.
 */
function bundledCode(entry: string): Code {
  return Code.fromAsset(repositoryRoot, {
    // The bundle's hash, not the repository's: fingerprinting the source would read node_modules.
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: NODE_RUNTIME.bundlingImage,
      command: ['sh', '-c', `echo "${entry} is bundled locally by api/src/bundle.ts, never in a container" >&2; exit 1`],
      local: {
        tryBundle(outputDir) {
          bundleLambdaHandler(join(repositoryRoot, entry), outputDir);
          return true;
        },
      },
    },
  });
}
