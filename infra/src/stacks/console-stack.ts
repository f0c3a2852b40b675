import { CfnOutput, Fn, Stack, type StackProps } from 'aws-cdk-lib';
import { Distribution, type IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Bucket, type IBucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { ConsoleHosting } from '../constructs/console-hosting';
import type { Stage } from '../stage';

export interface ConsoleStackProps extends StackProps {
  readonly stage: Stage;
}

/**
 * Where the console is served: bucket and CloudFront distribution. It comes before the API,
 * which allows the distribution's origin (CORS); the console's files and `config.json`, which
 * need the API's URL, are deployed after the API by the ConsoleRelease stack, which finds the
 * bucket and distribution through this stack's named exports (`siteFor`).
 */
export class ConsoleStack extends Stack {
  readonly hosting: ConsoleHosting;

  constructor(scope: Construct, id: string, props: ConsoleStackProps) {
    super(scope, id, props);
    this.hosting = new ConsoleHosting(this, 'Hosting', { protectData: props.stage.protectData });
    const { bucket, distribution } = this.hosting;
    new CfnOutput(this, 'ConsoleUrl', { value: this.hosting.origin, description: 'Open the console here' });
    new CfnOutput(this, 'DistributionId', {
      value: distribution.distributionId,
      exportName: this.exportNameOf('DistributionId'),
      description: 'CloudFront distribution',
    });
    new CfnOutput(this, 'DistributionDomainName', {
      value: distribution.distributionDomainName,
      exportName: this.exportNameOf('DistributionDomainName'),
      description: 'Domain of the console',
    });
    new CfnOutput(this, 'SiteBucketName', {
      value: bucket.bucketName,
      exportName: this.exportNameOf('SiteBucketName'),
      description: 'Bucket of the console files',
    });
  }

  /**
   * The bucket and distribution, as seen from another stack of the stage (which then deploys
   * after this one). `bucketExportName` is how cdk-nag names the imported bucket in findings.
   */
  siteFor(scope: Construct): { readonly bucket: IBucket; readonly distribution: IDistribution; readonly bucketExportName: string } {
    Stack.of(scope).addStackDependency(this);
    return {
      bucketExportName: this.exportNameOf('SiteBucketName'),
      bucket: Bucket.fromBucketName(scope, 'SiteBucket', Fn.importValue(this.exportNameOf('SiteBucketName'))),
      distribution: Distribution.fromDistributionAttributes(scope, 'SiteDistribution', {
        distributionId: Fn.importValue(this.exportNameOf('DistributionId')),
        domainName: Fn.importValue(this.exportNameOf('DistributionDomainName')),
      }),
    };
  }

  private exportNameOf(output: string): string {
    return `${this.stackName}-${output}`;
  }
}
