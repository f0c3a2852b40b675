import { CfnCondition, Duration, Fn, Validations } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, type IMetric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { Operation, type Table } from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { type CfnSubscription, Subscription, SubscriptionProtocol, Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';

export interface ServiceAlarmsProps {
  /**
   * Where alarm notifications go; an empty value (e.g. an unset stack parameter) subscribes
   * nobody, and the topic can be subscribed to later.
   */
  readonly notificationEmail: string;
}

interface AlarmSpec {
  readonly metric: IMetric;
  readonly threshold: number;
  /** Consecutive five-minute periods over the threshold before the alarm fires. */
  readonly periods: number;
  readonly description: string;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The alarms of the running service and the SNS topic they notify, on alarm and on recovery.
 * Each alarm's description says what it means and points at the runbook in `docs/deploy.md`,
 * which has a section per alarm under the construct id used here.
 */
export class ServiceAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: ServiceAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', { displayName: 'Yizhan alarms', enforceSSL: true });
    Validations.of(this.topic).acknowledge({
      id: 'AwsSolutions-SNS2',
      reason:
        'Alarm notifications carry alarm names and metric values only, no user data. CloudWatch cannot publish to a topic encrypted with the AWS-managed SNS key, and a customer-managed key for this alone is not worth its cost and key policy.',
    });
    const subscription = new Subscription(this, 'EmailSubscription', {
      topic: this.topic,
      protocol: SubscriptionProtocol.EMAIL,
      endpoint: props.notificationEmail,
    });
    (subscription.node.defaultChild as CfnSubscription).cfnOptions.condition = new CfnCondition(this, 'HasNotificationEmail', {
      expression: Fn.conditionNot(Fn.conditionEquals(props.notificationEmail, '')),
    });
    this.action = new SnsAction(this.topic);
  }

  /** Errors, throttles and slow p99 of a Lambda function. */
  watchFunction(id: string, fn: IFunction, limits: { readonly p99Duration: Duration }): void {
    this.add(`${id}Errors`, {
      metric: fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      periods: 1,
      description: 'The function failed (an uncaught error, a crash or a timeout) at least once in 5 minutes.',
    });
    this.add(`${id}Throttles`, {
      metric: fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 1,
      periods: 1,
      description: 'Invocations were refused because the function’s reserved concurrency was used up.',
    });
    this.add(`${id}Duration`, {
      metric: fn.metricDuration({ period: FIVE_MINUTES, statistic: 'p99' }),
      threshold: limits.p99Duration.toMilliseconds(),
      periods: 3,
      description: `The slowest 1 % of invocations took longer than ${limits.p99Duration.toHumanString()} for 15 minutes.`,
    });
  }

  /** Server errors and slow p99 of the HTTP API, as callers see them. */
  watchHttpApi(id: string, api: HttpApi, limits: { readonly p99Latency: Duration }): void {
    this.add(`${id}ServerErrors`, {
      metric: api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
      threshold: 5,
      periods: 1,
      description: 'The API answered 5 or more requests with a 5xx status in 5 minutes.',
    });
    this.add(`${id}Latency`, {
      metric: api.metricLatency({ period: FIVE_MINUTES, statistic: 'p99' }),
      threshold: limits.p99Latency.toMilliseconds(),
      periods: 3,
      description: `The slowest 1 % of API requests took longer than ${limits.p99Latency.toHumanString()} for 15 minutes.`,
    });
  }

  /** Throttled requests of the operations the API performs on the table. */
  watchTable(id: string, table: Table): void {
    this.add(`${id}Throttles`, {
      metric: table.metricThrottledRequestsForOperations({
        operations: [Operation.GET_ITEM, Operation.BATCH_GET_ITEM, Operation.QUERY, Operation.TRANSACT_WRITE_ITEMS],
        period: FIVE_MINUTES,
      }),
      threshold: 1,
      periods: 1,
      description: 'DynamoDB throttled requests to the table (a hot partition or an account limit).',
    });
  }

  private add(id: string, spec: AlarmSpec): void {
    const alarm = new Alarm(this, id, {
      metric: spec.metric,
      threshold: spec.threshold,
      evaluationPeriods: spec.periods,
      datapointsToAlarm: spec.periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: `${spec.description} Runbook: docs/deploy.md, alarm ${id}.`,
    });
    alarm.addAlarmAction(this.action);
    alarm.addOkAction(this.action);
    this.alarms.push(alarm);
  }
}
