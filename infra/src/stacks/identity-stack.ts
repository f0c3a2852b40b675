import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { UserDirectory } from '../constructs/user-directory';
import type { Stage } from '../stage';

export interface IdentityStackProps extends StackProps {
  readonly stage: Stage;
}

/** Who may sign in: the Cognito user pool with the roles as groups, alone in its stack. */
export class IdentityStack extends Stack {
  readonly users: UserDirectory;

  constructor(scope: Construct, id: string, props: IdentityStackProps) {
    super(scope, id, props);
    const { stage } = props;
    this.users = new UserDirectory(this, 'Users', {
      protectData: stage.protectData,
      requireMfa: stage.requireMfa,
      logRetention: stage.logRetention,
    });
    new CfnOutput(this, 'UserPoolId', { value: this.users.userPool.userPoolId, description: 'Cognito user pool (npm run users)' });
    new CfnOutput(this, 'UserPoolClientId', { value: this.users.consoleClient.userPoolClientId, description: 'App client of the console' });
    new CfnOutput(this, 'TokenIssuer', { value: this.users.issuerUrl, description: 'Issuer of the tokens the API accepts' });
  }
}
