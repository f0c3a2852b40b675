import { ItemKind, secondaryIndexes, TableKey } from '@yizhan/shared';
import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, type CfnTable, ProjectionType, Table, TableEncryption } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, type IGrantable, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface ApplicationTableProps {
  /**
   * Deletion protection on and RETAIN on removal, so neither a stray `cdk destroy` nor a
   * replacement deletes the data. Without it the table goes with its stack.
   * @default true
   */
  readonly protectData?: boolean;
}

/** The partition keys of audit events (`Audit#<entityId>`), as an IAM `StringLike` pattern. */
export const AUDIT_PARTITION_PATTERN = `${ItemKind.Audit}#*`;

/**
 * The application's single DynamoDB table, with the key schema, secondary indexes and TTL
 * attribute declared once in `shared/src/table.ts`: on-demand billing, point-in-time recovery,
 * encryption at rest with the AWS-managed key, and a CloudFormation logical id that never changes
 * (`Table`), so refactoring this code can never replace the table.
 */
export class ApplicationTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: ApplicationTableProps = {}) {
    super(scope, id);
    const protectData = props.protectData ?? true;
    this.table = new Table(this, 'Table', {
      partitionKey: { name: TableKey.partitionKey, type: AttributeType.STRING },
      sortKey: { name: TableKey.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TableKey.timeToLive,
      deletionProtection: protectData,
      removalPolicy: protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    for (const index of secondaryIndexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }
    (this.table.node.defaultChild as CfnTable).overrideLogicalId('Table');
  }

  /**
   * What the GraphQL function does, and nothing more: GetItem, BatchGetItem, Query (table and each
   * index by name), and TransactWriteItems, whose items IAM authorises as PutItem, UpdateItem,
   * DeleteItem and ConditionCheckItem — allowed only inside a TransactWriteItems. DescribeTable is
   * not granted: the Lambda handler serves no health check.
   *
   * Audit events are append-only: an explicit Deny refuses UpdateItem and DeleteItem on their
   * partitions (`Audit#…`), whatever else is granted later. PutItem cannot be refused there,
   * because every mutation puts its audit event; IAM has no condition on a request's condition
   * expression, so it cannot tell a new event from an overwrite of an existing one (same key).
   * The API's events have unique keys (time and a new id), and point-in-time recovery keeps what
   * an overwrite would destroy; `docs/deploy.md` states this limit.
   */
  grantRecordAccess(grantee: IGrantable): void {
    const tableArn = this.table.tableArn;
    const indexArns = secondaryIndexes.map((index) => `${tableArn}/index/${index.indexName}`);
    const principal = grantee.grantPrincipal;
    principal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'ReadItems',
        actions: ['dynamodb:GetItem', 'dynamodb:BatchGetItem'],
        resources: [tableArn],
      }),
    );
    principal.addToPrincipalPolicy(
      new PolicyStatement({ sid: 'QueryTableAndIndexes', actions: ['dynamodb:Query'], resources: [tableArn, ...indexArns] }),
    );
    principal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'WriteItemsInTransactions',
        actions: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
        resources: [tableArn],
        // Every write of the API is one TransactWriteItems (record, guards, counters, audit event).
        conditions: { 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': ['TransactWriteItems'] } },
      }),
    );
    principal.addToPrincipalPolicy(
      new PolicyStatement({
        sid: 'KeepAuditEvents',
        effect: Effect.DENY,
        actions: ['dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [tableArn],
        conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITION_PATTERN] } },
      }),
    );
  }
}
