import { Aws, Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AllowedMethods,
  CachePolicy,
  Distribution,
  HeadersFrameOption,
  HeadersReferrerPolicy,
  HttpVersion,
  PriceClass,
  ResponseHeadersPolicy,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface ConsoleHostingProps {
  /**
   * Whether the buckets outlive the stack (RETAIN). Without it they are emptied and deleted
   * with the stack.
   * @default true
   */
  readonly protectData?: boolean;
  /**
   * The CloudFront edge locations that serve the console.
   * @default PriceClass.PRICE_CLASS_200 (includes the Asian edge locations)
   */
  readonly priceClass?: PriceClass;
  /**
   * How long access logs of the bucket and the distribution are kept.
   * @default Duration.days(90)
   */
  readonly accessLogExpiration?: Duration;
}

/**
 * Where the console is served from: a private, encrypted S3 bucket that only this CloudFront
 * distribution may read (origin access control), HTTPS only, security headers on every response,
 * and single-page-application routing (an unknown path serves `index.html`, where the console's
 * router takes over). Access logs of the bucket and of the distribution go to a log bucket.
 */
export class ConsoleHosting extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  /** `https://<distribution domain>`: the console's origin, which the API allows (CORS). */
  readonly origin: string;

  constructor(scope: Construct, id: string, props: ConsoleHostingProps = {}) {
    super(scope, id);
    const protectData = props.protectData ?? true;
    const removal = protectData
      ? { removalPolicy: RemovalPolicy.RETAIN }
      : { removalPolicy: RemovalPolicy.DESTROY, autoDeleteObjects: true };

    const logs = new Bucket(this, 'AccessLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // CloudFront's standard logs are delivered with object ACLs.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: props.accessLogExpiration ?? Duration.days(90) }],
      ...removal,
    });
    Validations.of(logs).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket of the console bucket and the distribution; logging its own access would log the log deliveries.',
    });

    this.bucket = new Bucket(this, 'Site', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'site/',
      ...removal,
    });

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Yizhan console',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: new ResponseHeadersPolicy(this, 'SecurityHeaders', {
          comment: 'Security headers of the Yizhan console',
          securityHeadersBehavior: {
            contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(), override: true },
            strictTransportSecurity: { accessControlMaxAge: Duration.days(730), includeSubdomains: true, override: true },
            contentTypeOptions: { override: true },
            frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
            referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
            xssProtection: { protection: true, modeBlock: true, override: true },
          },
        }),
      },
      // The bucket is private: a path that is no file answers 403, which becomes the app's entry.
      errorResponses: [403, 404].map((httpStatus) => ({
        httpStatus,
        responseHttpStatus: 200,
        responsePagePath: '/index.html',
        ttl: Duration.seconds(0),
      })),
      httpVersion: HttpVersion.HTTP2_AND_3,
      priceClass: props.priceClass ?? PriceClass.PRICE_CLASS_200,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
    });
    this.origin = `https://${this.distribution.distributionDomainName}`;

    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'The console serves park staff wherever they are; who may use it is decided by sign-in, not by country.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason: 'The distribution serves static files only; the API it talks to has its own throttling and verifies every token. A web ACL can be attached later without changing this stack’s design.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason: 'The distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront fixes; a minimum of TLS 1.2 needs a custom domain with its own certificate, which this stack does not have yet.',
    });
  }
}

/**
 * The console may load only its own files and talk only to the API and Cognito of its region.
 * MUI writes inline styles, hence `'unsafe-inline'` for styles (not scripts).
 */
function contentSecurityPolicy(): string {
  const regionalHost = (service: string) => `https://${service}.${Aws.REGION}.${Aws.URL_SUFFIX}`;
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' https://*.execute-api.${Aws.REGION}.${Aws.URL_SUFFIX} ${regionalHost('cognito-idp')}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}
