import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { Annotations, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IRole } from 'aws-cdk-lib/aws-iam';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { repositoryRoot } from '../repository';

/** What the console reads at start-up from `/config.json`: where the API and Cognito are. */
interface ConsoleConfig {
  readonly stage: string;
  /** How the console signs people in: `cognito` (the user pool below) in every deployed stage; `local` is the dev server's issuer. */
  readonly authMode: 'cognito';
  readonly region: string;
  readonly apiUrl: string;
  readonly userPoolId: string;
  readonly userPoolClientId: string;
}

export interface ConsoleReleaseProps {
  /** The console's build output (Vite's `dist/`), absolute or relative to the repository root. */
  readonly build: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
  /** Written as `/config.json` next to `index.html`; its values may be deploy-time tokens. */
  readonly config: ConsoleConfig;
}

const ENTRY_FILES = ['index.html', 'config.json'];

/**
 * Puts a console build and its `config.json` into the hosting bucket: hashed assets first, cached
 * for a year; then `index.html` and `config.json`, never cached, and a CloudFront invalidation of
 * those two. Old assets are kept (no pruning), so a browser still running the previous release
 * can load its lazy chunks. Without a build only `config.json` is deployed, with a warning.
 */
export class ConsoleRelease extends Construct {
  /** Whether a console build was found and is deployed. */
  readonly hasBuild: boolean;
  /** The role of aws-cdk-lib's deployment handler, which writes to the bucket. */
  readonly deploymentRole: IRole;

  constructor(scope: Construct, id: string, props: ConsoleReleaseProps) {
    super(scope, id);
    const build = isAbsolute(props.build) ? props.build : join(repositoryRoot, props.build);
    this.hasBuild = existsSync(join(build, 'index.html'));
    if (!this.hasBuild) {
      Annotations.of(this).addWarningV2(
        'yizhan:console-build-missing',
        `No console build in ${props.build} (no index.html): only config.json is deployed. Build the console first, or pass -c consoleBuild=<directory>.`,
      );
    }

    const assets = this.hasBuild && readdirSync(build).some((name) => !ENTRY_FILES.includes(name))
      ? new BucketDeployment(this, 'Assets', {
          sources: [Source.asset(build, { exclude: ENTRY_FILES })],
          destinationBucket: props.bucket,
          prune: false,
          cacheControl: [CacheControl.fromString('public, max-age=31536000, immutable')],
        })
      : undefined;

    const entry = new BucketDeployment(this, 'EntryFiles', {
      sources: [
        ...(this.hasBuild ? [Source.asset(build, { exclude: ['*', '!index.html'] })] : []),
        Source.jsonData('config.json', props.config),
      ],
      destinationBucket: props.bucket,
      prune: false,
      cacheControl: [CacheControl.fromString('no-cache')],
      distribution: props.distribution,
      distributionPaths: ENTRY_FILES.map((file) => `/${file}`),
    });
    if (assets) entry.node.addDependency(assets);
    this.deploymentRole = entry.handlerRole;
    acknowledgeDeploymentHandler(entry);
  }
}

/**
 * Every BucketDeployment of a stack runs in one Lambda function that aws-cdk-lib owns: its
 * runtime, managed policy and grants are not ours to choose.
 */
function acknowledgeDeploymentHandler(deployment: BucketDeployment): void {
  const handler = deployment.handlerRole.node.scope!;
  Validations.of(handler).acknowledge(
    {
      id: 'AwsSolutions-L1',
      reason: 'The BucketDeployment handler is a Python function shipped and versioned by aws-cdk-lib; it runs only during deployments.',
    },
    {
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason: 'aws-cdk-lib gives the BucketDeployment handler the basic execution role to write its logs; the handler runs only during deployments.',
    },
  );
  for (const finding of [
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    'Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*',
    'Resource::*',
  ]) {
    Validations.of(deployment.handlerRole).acknowledge({
      id: `AwsSolutions-IAM5[${finding}]`,
      reason:
        'Grants aws-cdk-lib makes to the BucketDeployment handler: read the CDK asset bucket, and read, write and delete the console bucket’s objects (the wildcards are the grant helpers’ action groups and object keys), plus CloudFront invalidations, which support no resource-level permissions.',
    });
  }
}
