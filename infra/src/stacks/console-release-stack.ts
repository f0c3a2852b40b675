import { Stack, type StackProps, Validations } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ConsoleRelease } from '../constructs/console-release';
import type { Stage } from '../stage';
import type { ApiStack } from './api-stack';
import type { ConsoleStack } from './console-stack';
import type { IdentityStack } from './identity-stack';

export interface ConsoleReleaseStackProps extends StackProps {
  readonly stage: Stage;
  readonly console: ConsoleStack;
  readonly api: ApiStack;
  readonly identity: IdentityStack;
}

/** The console's files and its `config.json` (API URL, user pool, app client), deployed into the Console stack's bucket. */
export class ConsoleReleaseStack extends Stack {
  constructor(scope: Construct, id: string, props: ConsoleReleaseStackProps) {
    super(scope, id, props);
    const site = props.console.siteFor(this);
    const release = new ConsoleRelease(this, 'Release', {
      build: props.stage.consoleBuild,
      bucket: site.bucket,
      distribution: site.distribution,
      config: {
        stage: props.stage.name,
        authMode: 'cognito',
        region: this.region,
        apiUrl: props.api.http.graphqlUrl,
        userPoolId: props.identity.users.userPool.userPoolId,
        userPoolClientId: props.identity.users.consoleClient.userPoolClientId,
      },
    });
    Validations.of(release.deploymentRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${site.bucketExportName}/*]`,
      reason: 'The deployment handler reads, writes and deletes the objects of the console bucket, whose keys are the console’s files.',
    });
  }
}
