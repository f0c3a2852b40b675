import { Duration, Names, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { CorsHttpMethod, HttpApi, HttpMethod, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';

/** The path the API serves GraphQL on, as the local server does. */
const GRAPHQL_PATH = '/graphql';

export interface GraphqlHttpApiProps {
  /** The function that answers GraphQL requests (`api/src/lambda.ts`). */
  readonly handler: IFunction;
  /** Browser origins allowed to call the API (CORS); no other origin gets CORS headers. */
  readonly allowedOrigins: readonly string[];
  /**
   * Longest wait for the function; keep it above the function's own timeout, so a slow
   * request ends as the function's error, logged with its request id, not as a gateway 503.
   * @default Duration.seconds(15)
   */
  readonly integrationTimeout?: Duration;
  /** Steady requests per second and burst the stage admits before answering 429. */
  readonly throttle: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * How long the access logs are kept.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
  /**
   * What happens to the access logs when the API is removed.
   * @default RemovalPolicy.DESTROY
   */
  readonly logRemovalPolicy?: RemovalPolicy;
}

/**
 * An API Gateway HTTP API in front of the GraphQL function: `GET` and `POST /graphql` only,
 * CORS for the given origins only, one `$default` stage with throttling and JSON access logs
 * whose `integrationRequestId` is the Lambda request id the function logs as `requestId`.
 */
export class GraphqlHttpApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;
  readonly accessLogs: LogGroup;
  readonly integrationTimeout: Duration;
  /** The GraphQL endpoint, e.g. `https://abc123.execute-api.cn-north-1.amazonaws.com.cn/graphql`. */
  readonly graphqlUrl: string;

  constructor(scope: Construct, id: string, props: GraphqlHttpApiProps) {
    super(scope, id);
    this.integrationTimeout = props.integrationTimeout ?? Duration.seconds(15);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      // Unique per stack, so the dev and prod APIs are told apart in the console.
      apiName: Names.uniqueResourceName(this, { maxLength: 128 }),
      description: 'GraphQL API',
      createDefaultStage: false,
      corsPreflight: {
        allowOrigins: [...props.allowedOrigins],
        allowMethods: [CorsHttpMethod.GET, CorsHttpMethod.POST, CorsHttpMethod.OPTIONS],
        // The headers Apollo clients send; `apollo-require-preflight` satisfies CSRF prevention on GET.
        allowHeaders: ['authorization', 'content-type', 'apollo-require-preflight', 'x-apollo-operation-name'],
        maxAge: Duration.hours(1),
      },
    });
    const routes = this.httpApi.addRoutes({
      path: GRAPHQL_PATH,
      methods: [HttpMethod.GET, HttpMethod.POST],
      integration: new HttpLambdaIntegration('Graphql', props.handler, { timeout: this.integrationTimeout }),
    });
    for (const route of routes) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Anonymous callers may read the service catalogue and active stations, so the gateway cannot refuse requests without a token. The function verifies every bearer token (signature against the user pool JWKS, issuer, app client) and every operation declares the roles that may call it.',
      });
    }

    this.accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention ?? RetentionDays.ONE_MONTH,
      removalPolicy: props.logRemovalPolicy ?? RemovalPolicy.DESTROY,
    });
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      autoDeploy: true,
      throttle: { rateLimit: props.throttle.rateLimit, burstLimit: props.throttle.burstLimit },
      accessLogSettings: { destination: new LogGroupLogDestination(this.accessLogs), format: accessLogFormat() },
    });
    // The $default stage has no path of its own.
    this.graphqlUrl = `${this.httpApi.apiEndpoint}${GRAPHQL_PATH}`;
  }
}

/** One JSON line per request; the field names are the ones `docs/deploy.md` queries. */
function accessLogFormat(): AccessLogFormat {
  return AccessLogFormat.custom(
    JSON.stringify({
      requestId: '$context.requestId',
      integrationRequestId: '$context.integration.requestId',
      requestTime: '$context.requestTime',
      ip: '$context.identity.sourceIp',
      userAgent: '$context.identity.userAgent',
      method: '$context.httpMethod',
      path: '$context.path',
      status: '$context.status',
      responseLength: '$context.responseLength',
      latencyMs: '$context.responseLatency',
      integrationLatencyMs: '$context.integrationLatency',
      integrationStatus: '$context.integrationStatus',
      integrationError: '$context.integrationErrorMessage',
      error: '$context.error.message',
    }),
  );
}
