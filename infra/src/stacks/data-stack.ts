import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ApplicationTable } from '../constructs/application-table';
import type { Stage } from '../stage';

export interface DataStackProps extends StackProps {
  readonly stage: Stage;
}

/** The application's data: the single DynamoDB table, alone in its stack so nothing else's changes touch it. */
export class DataStack extends Stack {
  readonly applicationTable: ApplicationTable;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    this.applicationTable = new ApplicationTable(this, 'ApplicationTable', { protectData: props.stage.protectData });
    new CfnOutput(this, 'TableName', { value: this.applicationTable.table.tableName, description: 'The DynamoDB table' });
  }
}
