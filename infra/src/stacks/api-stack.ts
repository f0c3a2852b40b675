import { CfnOutput, CfnParameter, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction as LambdaFunctionTarget } from 'aws-cdk-lib/aws-events-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { ApiFunction } from '../constructs/api-function';
import { GraphqlHttpApi } from '../constructs/graphql-http-api';
import { ServiceAlarms } from '../constructs/service-alarms';
import type { Stage } from '../stage';
import type { ConsoleStack } from './console-stack';
import type { DataStack } from './data-stack';
import type { IdentityStack } from './identity-stack';

export interface ApiStackProps extends StackProps {
  readonly stage: Stage;
  readonly data: DataStack;
  readonly identity: IdentityStack;
  readonly console: ConsoleStack;
}

/** How often the sweeper runs (overdue 容缺 materials, overdue requests). */
const SWEEP_INTERVAL = Duration.minutes(15);

/**
 * The running service: the GraphQL function behind an HTTP API, the sweeper on its schedule,
 * their cursor key, and the alarms.
 */
export class ApiStack extends Stack {
  readonly graphql: ApiFunction;
  readonly sweeper: ApiFunction;
  readonly http: GraphqlHttpApi;
  readonly alarms: ServiceAlarms;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { stage } = props;
    const { table } = props.data.applicationTable;
    const { users } = props.identity;
    const logRemovalPolicy = stage.protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY;

    const alarmEmail = new CfnParameter(this, 'AlarmEmail', {
      type: 'String',
      default: '',
      allowedPattern: '^$|^[^@\\s]+@[^@\\s]+$',
      description: 'E-mail address that receives alarm notifications (confirm the subscription e-mail); empty for none',
    });

    const cursorSecret = new Secret(this, 'CursorSecret', {
      description: 'Key that signs the GraphQL API’s list cursors',
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
      // A new key only invalidates the cursors clients hold: they start their lists again.
      removalPolicy: RemovalPolicy.DESTROY,
    });

    Validations.of(cursorSecret).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The key signs list cursors only (no data access, no credentials). Rotating it would need a rotation function and would break the cursors clients hold; it is rotated by hand when needed (docs/deploy.md, Secrets).',
    });

    // Both functions read the same configuration (api/src/config.ts).
    const environment = {
      APP_ENV: 'production',
      TABLE_NAME: table.tableName,
      AUTH_ISSUER: users.issuerUrl,
      AUTH_AUDIENCE: users.consoleClient.userPoolClientId,
      CURSOR_SECRET_ARN: cursorSecret.secretArn,
      LOG_LEVEL: 'INFO',
    };
    this.graphql = new ApiFunction(this, 'Graphql', {
      entry: 'api/src/lambda.ts',
      description: 'GraphQL API (API Gateway HTTP API → Apollo Server)',
      timeout: Duration.seconds(10),
      reservedConcurrentExecutions: stage.graphqlConcurrency,
      logRetention: stage.logRetention,
      logRemovalPolicy,
      environment,
    });
    this.sweeper = new ApiFunction(this, 'Sweeper', {
      entry: 'api/src/sweep-lambda.ts',
      description: 'Sweeper: overdue 容缺 materials and overdue service requests (docs/domain.md)',
      // A run reads the work due a page at a time; minutes leave room for a backlog after an outage.
      timeout: Duration.minutes(5),
      // Never two runs at once; a run still going when the next is due makes that one wait.
      reservedConcurrentExecutions: 1,
      logRetention: stage.logRetention,
      logRemovalPolicy,
      environment,
    });
    for (const { function: fn } of [this.graphql, this.sweeper]) {
      props.data.applicationTable.grantRecordAccess(fn);
      cursorSecret.grantRead(fn);
    }
    new Rule(this, 'SweepSchedule', {
      description: `Runs the sweeper every ${SWEEP_INTERVAL.toHumanString()}`,
      schedule: Schedule.rate(SWEEP_INTERVAL),
      targets: [new LambdaFunctionTarget(this.sweeper.function, { retryAttempts: 2, maxEventAge: SWEEP_INTERVAL })],
    });

    this.http = new GraphqlHttpApi(this, 'Http', {
      handler: this.graphql.function,
      allowedOrigins: [props.console.hosting.origin, ...stage.extraCorsOrigins],
      integrationTimeout: Duration.seconds(15),
      throttle: stage.apiThrottle,
      logRetention: stage.logRetention,
      logRemovalPolicy,
    });

    this.alarms = new ServiceAlarms(this, 'Alarms', { notificationEmail: alarmEmail.valueAsString });
    this.alarms.watchFunction('Graphql', this.graphql.function, { p99Duration: Duration.seconds(3) });
    this.alarms.watchFunction('Sweeper', this.sweeper.function, { p99Duration: Duration.minutes(2) });
    this.alarms.watchHttpApi('Http', this.http.httpApi, { p99Latency: Duration.seconds(4) });
    this.alarms.watchTable('Table', table);

    new CfnOutput(this, 'GraphqlUrl', { value: this.http.graphqlUrl, description: 'The GraphQL endpoint' });
    new CfnOutput(this, 'GraphqlFunctionName', { value: this.graphql.function.functionName, description: 'The GraphQL Lambda function' });
    new CfnOutput(this, 'SweeperFunctionName', { value: this.sweeper.function.functionName, description: 'The sweeper (invoke it to sweep once by hand)' });
    new CfnOutput(this, 'SweeperLogGroup', { value: this.sweeper.logGroup.logGroupName, description: 'One JSON line per sweep' });
    new CfnOutput(this, 'GraphqlLogGroup', { value: this.graphql.logGroup.logGroupName, description: 'One JSON line per GraphQL request' });
    new CfnOutput(this, 'AccessLogGroup', { value: this.http.accessLogs.logGroupName, description: 'HTTP API access logs' });
    new CfnOutput(this, 'AlarmTopicArn', { value: this.alarms.topic.topicArn, description: 'SNS topic of the alarms' });
  }
}
