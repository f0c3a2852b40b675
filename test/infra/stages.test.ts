import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Role, secondaryIndexes, TableKey } from '@yizhan/shared';
import { Runtime, RuntimeFamily } from 'aws-cdk-lib/aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditPartition } from '../../api/src/store/audit-log';
import { AUDIT_PARTITION_PATTERN } from '../../infra/src/constructs/application-table';
import { ScopeAttribute } from '../../infra/src/constructs/user-directory';
import { TARGETS } from '../bench/targets';
import { TestApi } from '../support/api';
import { AwsJsonService } from '../support/aws-json-service';
import { type CloudFormationResource, type CloudFormationTemplate, type SynthesizedStage, synthesize } from '../support/cdk';
import { createStation } from '../support/fixtures';
import { graphqlEvent } from '../support/lambda-events';
import { createRequest } from '../support/service-requests';

const workspace = mkdtempSync(join(tmpdir(), 'yizhan-synth-'));
/** A stand-in for the console's Vite build: an entry page and a hashed asset. */
const consoleBuild = join(workspace, 'console-build');
const EXTRA_ORIGIN = 'http://localhost:5173';

let prod: SynthesizedStage;
let dev: SynthesizedStage;

beforeAll(async () => {
  mkdirSync(join(consoleBuild, 'assets'), { recursive: true });
  writeFileSync(join(consoleBuild, 'index.html'), '<!doctype html><title>placeholder console</title><script src="/assets/app-3f9a1c.js"></script>');
  writeFileSync(join(consoleBuild, 'assets', 'app-3f9a1c.js'), 'console.log("placeholder");');
  [prod, dev] = await Promise.all([
    synthesize('prod', join(workspace, 'prod'), { consoleBuild }),
    synthesize('dev', join(workspace, 'dev'), { corsOrigins: EXTRA_ORIGIN, consoleBuild: join(workspace, 'no-console-build') }),
  ]);
}, 180_000);

afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function resourcesOf(template: CloudFormationTemplate, type: string): [string, CloudFormationResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

function onlyResource(template: CloudFormationTemplate, type: string): CloudFormationResource {
  const found = resourcesOf(template, type);
  expect(found.map(([id]) => id), type).toHaveLength(1);
  return found[0]![1];
}

function graphqlFunction(stage: SynthesizedStage): Record<string, unknown> {
  const [, resource] = resourcesOf(stage.template('Api'), 'AWS::Lambda::Function').find(([id]) => id.startsWith('GraphqlFunction'))!;
  return resource.Properties;
}

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Record<string, Record<string, unknown>>;
  Sid?: string;
}

function statementsOf(template: CloudFormationTemplate): Statement[] {
  return resourcesOf(template, 'AWS::IAM::Policy').flatMap(([, policy]) => (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
}

/** The statements of each function's policy, by the policy's logical id. */
function policiesOf(template: CloudFormationTemplate): [string, Statement[]][] {
  return resourcesOf(template, 'AWS::IAM::Policy').map(([id, policy]) => [id, (policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement]);
}

function sweeperFunction(stage: SynthesizedStage): Record<string, unknown> {
  const [, resource] = resourcesOf(stage.template('Api'), 'AWS::Lambda::Function').find(([id]) => id.startsWith('SweeperFunction'))!;
  return resource.Properties;
}

const actionsOf = (statement: Statement) => [statement.Action].flat();
const mentionsTable = (statement: Statement) => JSON.stringify(statement.Resource).includes('Yizhan-prod-Data');

describe('the stages synthesise with `npm run synth`, bundling included', () => {
  it('pass cdk-nag AwsSolutions with no unacknowledged finding (synthesis fails on one)', () => {
    for (const stage of [prod, dev]) {
      const report = stage.json('validation-report.json') as { pluginReports: { pluginName: string; conclusion: string; violations: { severity: string }[] }[] };
      expect(report.pluginReports.filter((plugin) => plugin.conclusion !== 'success')).toEqual([]);
      expect(report.pluginReports.flatMap((plugin) => plugin.violations).filter((violation) => violation.severity === 'error')).toEqual([]);
    }
  });

  it('write every cdk-nag acknowledgement into the templates, each with its own specific reason', () => {
    const acknowledgements = ['Data', 'Identity', 'Console', 'Api', 'ConsoleRelease'].flatMap((stack) =>
      Object.values(prod.template(stack).Resources).flatMap(
        (resource) => (resource.Metadata?.cdk_nag as { rules_to_suppress: { id: string; reason: string }[] } | undefined)?.rules_to_suppress ?? [],
      ),
    );
    expect(acknowledgements.length).toBeGreaterThan(5);
    for (const { id, reason } of acknowledgements) {
      expect(id).toMatch(/^AwsSolutions-/);
      expect(reason.length, id).toBeGreaterThan(60);
    }
    const reasonsByRule = new Map<string, Set<string>>();
    for (const { id, reason } of acknowledgements) reasonsByRule.set(reason, new Set([...(reasonsByRule.get(reason) ?? []), id.replace(/\[.*$/, '')]));
    // A reason serves one rule only: no blanket text pasted over unrelated findings.
    expect([...reasonsByRule.values()].filter((rules) => rules.size > 1)).toEqual([]);
  });

  it('deploy the stacks in an order without cycles: Console before Api, Api before ConsoleRelease', () => {
    const manifest = prod.json('manifest.json') as { artifacts: Record<string, { dependencies?: string[] }> };
    const dependencies = (stack: string) => manifest.artifacts[`Yizhan-prod-${stack}`]!.dependencies ?? [];
    expect(dependencies('Api')).toEqual(expect.arrayContaining(['Yizhan-prod-Data', 'Yizhan-prod-Identity', 'Yizhan-prod-Console']));
    expect(dependencies('ConsoleRelease')).toEqual(expect.arrayContaining(['Yizhan-prod-Api', 'Yizhan-prod-Console', 'Yizhan-prod-Identity']));
    expect(dependencies('Console').filter((name) => !name.endsWith('.assets'))).toEqual([]);
  });

  it('protect every prod stack from `cdk destroy` with termination protection, and no dev stack', () => {
    const manifest = (stage: SynthesizedStage) => stage.json('manifest.json') as { artifacts: Record<string, { type: string; properties?: { terminationProtection?: boolean } }> };
    const stacks = (stage: SynthesizedStage) => Object.values(manifest(stage).artifacts).filter((artifact) => artifact.type === 'aws:cloudformation:stack');
    expect(stacks(prod).map((stack) => stack.properties?.terminationProtection)).toEqual([true, true, true, true, true]);
    expect(stacks(dev).map((stack) => stack.properties?.terminationProtection ?? false)).toEqual([false, false, false, false, false]);
  });
});

describe('Data stack', () => {
  it('keeps the prod table: point-in-time recovery, deletion protection, RETAIN, encryption, on-demand', () => {
    const table = onlyResource(prod.template('Data'), 'AWS::DynamoDB::Table');
    expect(table.Properties).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      DeletionProtectionEnabled: true,
      // Enabled without a key of ours: KMS with the AWS-managed key (aws/dynamodb).
      SSESpecification: { SSEEnabled: true },
    });
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('lets the dev table go with its stack, still with point-in-time recovery', () => {
    const table = onlyResource(dev.template('Data'), 'AWS::DynamoDB::Table');
    expect(table.Properties.DeletionProtectionEnabled).toBe(false);
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.DeletionPolicy).toBe('Delete');
  });

  it('declares the keys, every secondary index and the TTL attribute from shared/, under a fixed logical id', () => {
    const template = prod.template('Data');
    const table = template.Resources.Table!;
    expect(table.Type).toBe('AWS::DynamoDB::Table');
    expect(table.Properties.KeySchema).toEqual([
      { AttributeName: TableKey.partitionKey, KeyType: 'HASH' },
      { AttributeName: TableKey.sortKey, KeyType: 'RANGE' },
    ]);
    expect(table.Properties.TimeToLiveSpecification).toEqual({ AttributeName: TableKey.timeToLive, Enabled: true });
    const indexes = table.Properties.GlobalSecondaryIndexes as { IndexName: string; KeySchema: { AttributeName: string }[]; Projection: unknown }[];
    expect(indexes.map((index) => [index.IndexName, ...index.KeySchema.map((key) => key.AttributeName)])).toEqual(
      secondaryIndexes.map((index) => [index.indexName, index.partitionKey, index.sortKey]),
    );
    expect(indexes.every((index) => JSON.stringify(index.Projection) === '{"ProjectionType":"ALL"}')).toBe(true);
  });
});

describe('Identity stack', () => {
  it('requires MFA (TOTP) in prod and makes it optional in dev', () => {
    expect(prod.template('Identity').Resources.UserPool!.Properties).toMatchObject({ MfaConfiguration: 'ON', EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    expect(dev.template('Identity').Resources.UserPool!.Properties.MfaConfiguration).toBe('OPTIONAL');
  });

  it('keeps the prod user pool (deletion protection, RETAIN) under a fixed logical id, with a strong password policy', () => {
    const pool = prod.template('Identity').Resources.UserPool!;
    expect(pool.DeletionPolicy).toBe('Retain');
    expect(pool.Properties).toMatchObject({
      DeletionProtection: 'ACTIVE',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      Policies: { PasswordPolicy: { MinimumLength: 12, RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true } },
    });
  });

  it('has one group per role of shared/, named as the role', () => {
    const groups = resourcesOf(prod.template('Identity'), 'AWS::Cognito::UserPoolGroup').map(([, group]) => group.Properties.GroupName);
    expect(groups.sort()).toEqual(Object.values(Role).sort());
  });

  it('puts the station and enterprise scope into access tokens through a version 2 pre-token trigger', () => {
    const pool = prod.template('Identity').Resources.UserPool!.Properties;
    expect(pool.UserPoolTier).toBe('ESSENTIALS');
    expect(pool.LambdaConfig).toMatchObject({ PreTokenGenerationConfig: { LambdaVersion: 'V2_0' } });
    const attributes = (pool.Schema as { Name: string; Mutable: boolean }[]).map((attribute) => [attribute.Name, attribute.Mutable]);
    expect(attributes).toEqual(expect.arrayContaining([[ScopeAttribute.stationIds, true], [ScopeAttribute.enterpriseId, true]]));
  });

  it('gives the console an SRP client without secret that cannot write a user’s own scope', () => {
    const client = onlyResource(prod.template('Identity'), 'AWS::Cognito::UserPoolClient').Properties;
    expect(client.ExplicitAuthFlows).toEqual(expect.arrayContaining(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']));
    expect(client.GenerateSecret).toBe(false);
    expect(client.WriteAttributes).toEqual(['email']);
    expect(client.ReadAttributes).toEqual(expect.arrayContaining([`custom:${ScopeAttribute.stationIds}`, `custom:${ScopeAttribute.enterpriseId}`]));
  });
});

describe('Api stack', () => {
  it('runs GraphQL on the newest Node.js runtime aws-cdk-lib knows, on ARM64, traced, with reserved concurrency', () => {
    const newestNode = Object.values(Runtime)
      .filter((runtime): runtime is Runtime => runtime instanceof Runtime && runtime.family === RuntimeFamily.NODEJS && /^nodejs\d+\.x$/.test(runtime.name))
      .sort((a, b) => Number.parseInt(b.name.slice(6), 10) - Number.parseInt(a.name.slice(6), 10))[0]!;
    expect(graphqlFunction(prod)).toMatchObject({
      Runtime: newestNode.name,
      Architectures: ['arm64'],
      TracingConfig: { Mode: 'Active' },
      ReservedConcurrentExecutions: 100,
      Handler: 'index.handler',
    });
    expect(graphqlFunction(dev).ReservedConcurrentExecutions).toBe(10);
  });

  it('runs the sweeper every 15 minutes, one run at a time, configured like the GraphQL function', () => {
    const template = prod.template('Api');
    const [sweeperId] = resourcesOf(template, 'AWS::Lambda::Function').find(([id]) => id.startsWith('SweeperFunction'))!;
    const rule = onlyResource(template, 'AWS::Events::Rule').Properties;
    expect(rule).toMatchObject({ ScheduleExpression: 'rate(15 minutes)', State: 'ENABLED' });
    expect(rule.Targets).toEqual([expect.objectContaining({ Arn: { 'Fn::GetAtt': [sweeperId, 'Arn'] }, RetryPolicy: { MaximumEventAgeInSeconds: 900, MaximumRetryAttempts: 2 } })]);
    const byEvents = resourcesOf(template, 'AWS::Lambda::Permission').filter(([, permission]) => permission.Properties.Principal === 'events.amazonaws.com');
    expect(byEvents.map(([, permission]) => permission.Properties)).toEqual([
      expect.objectContaining({ Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [sweeperId, 'Arn'] } }),
    ]);
    expect(sweeperFunction(prod)).toMatchObject({ ReservedConcurrentExecutions: 1, Timeout: 300, Handler: 'index.handler', Architectures: ['arm64'] });
    const variables = (fn: Record<string, unknown>) => (fn.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(variables(sweeperFunction(prod))).toEqual(variables(graphqlFunction(prod)));
  });

  it('stops the function before the HTTP API stops waiting for it', () => {
    const integration = onlyResource(prod.template('Api'), 'AWS::ApiGatewayV2::Integration').Properties;
    expect(Number(graphqlFunction(prod).Timeout) * 1000).toBeLessThan(Number(integration.TimeoutInMillis));
  });

  it('configures the function through the variables api/src/config.ts reads, with the cursor key by reference only', () => {
    const variables = (graphqlFunction(prod).Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables).sort()).toEqual(['APP_ENV', 'AUTH_AUDIENCE', 'AUTH_ISSUER', 'CURSOR_SECRET_ARN', 'LOG_LEVEL', 'TABLE_NAME']);
    expect(variables.APP_ENV).toBe('production');
    expect(variables.CURSOR_SECRET_ARN).toEqual({ Ref: expect.stringMatching(/^CursorSecret/) });
    const secret = onlyResource(prod.template('Api'), 'AWS::SecretsManager::Secret').Properties;
    expect(secret).toMatchObject({ GenerateSecretString: { PasswordLength: 64, ExcludePunctuation: true } });
    expect(secret.SecretString).toBeUndefined();
  });

  it('grants the GraphQL function and the sweeper each exactly the operations the API performs on the table, named without wildcards', () => {
    const withTable = policiesOf(prod.template('Api'))
      .map(([id, statements]) => [id, statements.filter(mentionsTable)] as const)
      .filter(([, statements]) => statements.length > 0);
    expect(withTable.map(([id]) => id.replace(/[0-9A-F]{8}$/, '')).sort()).toEqual(['GraphqlRoleDefaultPolicy', 'SweeperRoleDefaultPolicy']);
    for (const [id, tableStatements] of withTable) {
      const allowed = tableStatements.filter((statement) => statement.Effect === 'Allow').flatMap(actionsOf);
      expect(allowed.sort(), id).toEqual(
        ['dynamodb:BatchGetItem', 'dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'].sort(),
      );
      expect(tableStatements.flatMap(actionsOf).filter((action) => action.includes('*')), id).toEqual([]);
      const query = tableStatements.find((statement) => statement.Sid === 'QueryTableAndIndexes')!;
      expect(JSON.stringify(query.Resource)).not.toContain('index/*');
      for (const index of secondaryIndexes) expect(JSON.stringify(query.Resource)).toContain(`/index/${index.indexName}`);
      const writes = tableStatements.find((statement) => statement.Sid === 'WriteItemsInTransactions')!;
      expect(writes.Condition, id).toEqual({ 'ForAnyValue:StringEquals': { 'dynamodb:EnclosingOperation': ['TransactWriteItems'] } });
      expect(tableStatements.filter((statement) => statement.Effect === 'Deny').map((statement) => statement.Sid), id).toEqual(['KeepAuditEvents']);
    }
  });

  it('denies the GraphQL function updating or deleting audit events, whose keys the API builds under that pattern', () => {
    const deny = statementsOf(prod.template('Api')).find((statement) => statement.Effect === 'Deny')!;
    expect(deny.Sid).toBe('KeepAuditEvents');
    expect(actionsOf(deny).sort()).toEqual(['dynamodb:DeleteItem', 'dynamodb:UpdateItem']);
    expect(deny.Condition).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [AUDIT_PARTITION_PATTERN] } });
    const iamGlob = new RegExp(`^${AUDIT_PARTITION_PATTERN.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
    expect(auditPartition('01JDX4Z8M3Q9')).toMatch(iamGlob);
    expect('Enterprise#01JDX4Z8M3Q9').not.toMatch(iamGlob);
  });

  it('grants nothing on every resource except the X-Ray actions tracing needs', () => {
    for (const stack of ['Api', 'Identity']) {
      const onEverything = statementsOf(prod.template(stack)).filter((statement) => statement.Resource === '*');
      expect([...new Set(onEverything.flatMap(actionsOf))].sort(), stack).toEqual(['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
    }
  });

  it('throttles the HTTP API stage and writes JSON access logs that name the Lambda request id', () => {
    const stage = onlyResource(prod.template('Api'), 'AWS::ApiGatewayV2::Stage').Properties;
    expect(stage).toMatchObject({ StageName: '$default', DefaultRouteSettings: { ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 } });
    const format = JSON.parse((stage.AccessLogSettings as { Format: string }).Format) as Record<string, string>;
    expect(format).toMatchObject({ requestId: '$context.requestId', integrationRequestId: '$context.integration.requestId', status: '$context.status' });
    expect(onlyResource(dev.template('Api'), 'AWS::ApiGatewayV2::Stage').Properties.DefaultRouteSettings).toEqual({ ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 });
  });

  it('allows CORS for the console’s CloudFront origin only, plus the origins given by context', () => {
    const cors = (stage: SynthesizedStage) => (onlyResource(stage.template('Api'), 'AWS::ApiGatewayV2::Api').Properties.CorsConfiguration as { AllowOrigins: unknown[] }).AllowOrigins;
    expect(cors(prod)).toEqual([{ 'Fn::Join': ['', ['https://', { 'Fn::ImportValue': expect.stringMatching(/^Yizhan-prod-Console:.*DomainName/) }]] }]);
    expect(cors(dev)).toEqual([expect.anything(), EXTRA_ORIGIN]);
  });

  it('routes GET and POST /graphql only', () => {
    const routes = resourcesOf(prod.template('Api'), 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties.RouteKey);
    expect(routes.sort()).toEqual(['GET /graphql', 'POST /graphql']);
  });

  it('alarms on Lambda errors, throttles and p99 duration, API 5xx and p99 latency, and DynamoDB throttles, to the alarm topic', () => {
    const template = prod.template('Api');
    const alarms = resourcesOf(template, 'AWS::CloudWatch::Alarm').map(([id, alarm]) => ({ id, ...alarm.Properties }) as Record<string, unknown> & { id: string });
    const [topicId] = resourcesOf(template, 'AWS::SNS::Topic')[0]!;
    const byId = (prefix: string) => alarms.find((alarm) => alarm.id.startsWith(`Alarms${prefix}`))!;
    expect(byId('GraphqlErrors')).toMatchObject({ MetricName: 'Errors', Namespace: 'AWS/Lambda', Statistic: 'Sum' });
    expect(byId('GraphqlThrottles')).toMatchObject({ MetricName: 'Throttles', Namespace: 'AWS/Lambda' });
    expect(byId('GraphqlDuration')).toMatchObject({ MetricName: 'Duration', ExtendedStatistic: 'p99' });
    expect(byId('HttpServerErrors')).toMatchObject({ MetricName: '5xx', Namespace: 'AWS/ApiGateway' });
    expect(byId('HttpLatency')).toMatchObject({ MetricName: 'Latency', ExtendedStatistic: 'p99' });
    expect(JSON.stringify(byId('TableThrottles').Metrics)).toContain('ThrottledRequests');
    expect(byId('SweeperErrors')).toMatchObject({ MetricName: 'Errors', Namespace: 'AWS/Lambda', Statistic: 'Sum' });
    expect(byId('SweeperThrottles')).toMatchObject({ MetricName: 'Throttles', Namespace: 'AWS/Lambda' });
    expect(byId('SweeperDuration')).toMatchObject({ MetricName: 'Duration', ExtendedStatistic: 'p99', Threshold: 120_000 });
    expect(alarms).toHaveLength(9);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions, alarm.id).toEqual([{ Ref: topicId }]);
      expect(alarm.OKActions, alarm.id).toEqual([{ Ref: topicId }]);
      expect(String(alarm.AlarmDescription), alarm.id).toContain('docs/deploy.md');
    }
  });

  it('subscribes the e-mail address given as the AlarmEmail parameter, and nobody when it is empty', () => {
    const template = prod.template('Api');
    expect(template.Parameters?.AlarmEmail).toMatchObject({ Type: 'String', Default: '' });
    const subscription = onlyResource(template, 'AWS::SNS::Subscription');
    expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: { Ref: 'AlarmEmail' } });
    expect(template.Conditions?.[subscription.Condition!]).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'AlarmEmail' }, ''] }] });
  });
});

describe('Console stacks', () => {
  it('serve a private, encrypted, TLS-only bucket through CloudFront with origin access control', () => {
    const template = prod.template('Console');
    const [siteId, site] = resourcesOf(template, 'AWS::S3::Bucket').find(([id]) => id.startsWith('HostingSite'))!;
    expect(site.Properties).toMatchObject({
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
    const distribution = onlyResource(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Record<string, unknown>;
    const [origin] = distribution.Origins as { OriginAccessControlId?: unknown; S3OriginConfig?: { OriginAccessIdentity: string } }[];
    expect(origin!.OriginAccessControlId).toBeDefined();
    expect(origin!.S3OriginConfig?.OriginAccessIdentity).toBe('');
    expect(onlyResource(template, 'AWS::CloudFront::OriginAccessControl').Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' });
    const policy = resourcesOf(template, 'AWS::S3::BucketPolicy').find(([, candidate]) => JSON.stringify(candidate.Properties.Bucket).includes(siteId))![1];
    const statements = (policy.Properties.PolicyDocument as { Statement: { Effect: string; Principal: unknown; Condition?: unknown }[] }).Statement;
    expect(statements.filter((statement) => statement.Effect === 'Allow').map((statement) => statement.Principal)).toEqual([{ Service: 'cloudfront.amazonaws.com' }]);
    expect(statements.some((statement) => statement.Effect === 'Deny' && JSON.stringify(statement.Condition).includes('aws:SecureTransport'))).toBe(true);
  });

  it('add security headers to every response and route unknown paths to the single-page app', () => {
    const template = prod.template('Console');
    const headers = (onlyResource(template, 'AWS::CloudFront::ResponseHeadersPolicy').Properties.ResponseHeadersPolicyConfig as { SecurityHeadersConfig: Record<string, unknown> }).SecurityHeadersConfig;
    expect(Object.keys(headers).sort()).toEqual(['ContentSecurityPolicy', 'ContentTypeOptions', 'FrameOptions', 'ReferrerPolicy', 'StrictTransportSecurity', 'XSSProtection']);
    expect(headers.FrameOptions).toMatchObject({ FrameOption: 'DENY' });
    const distribution = onlyResource(template, 'AWS::CloudFront::Distribution').Properties.DistributionConfig as Record<string, unknown>;
    expect(distribution).toMatchObject({ DefaultRootObject: 'index.html', DefaultCacheBehavior: { ViewerProtocolPolicy: 'redirect-to-https' } });
    expect(distribution.CustomErrorResponses).toEqual([
      { ErrorCode: 403, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
      { ErrorCode: 404, ResponseCode: 200, ResponsePagePath: '/index.html', ErrorCachingMinTTL: 0 },
    ]);
  });

  it('deploy the console build and a config.json with the API URL, the auth mode, user pool and app client', () => {
    const template = prod.template('ConsoleRelease');
    const deployments = resourcesOf(template, 'Custom::CDKBucketDeployment').map(([, deployment]) => deployment.Properties);
    expect(deployments).toHaveLength(2);
    const entry = deployments.find((deployment) => JSON.stringify(deployment.DistributionPaths ?? '').includes('config.json'))!;
    expect(entry.DistributionPaths).toEqual(['/index.html', '/config.json']);
    const markers = JSON.stringify(entry.SourceMarkers);
    for (const exported of ['Yizhan-prod-Api:', 'Yizhan-prod-Identity:']) expect(markers).toContain(exported);
    const staged = prod.assetDirectories().map((directory) => readdirSync(directory, { recursive: true }).map(String).sort());
    expect(staged).toContainEqual(['index.html']);
    expect(staged).toContainEqual(['assets', 'assets/app-3f9a1c.js']);
    const config = prod.assetDirectories().flatMap((directory) => readdirSync(directory).filter((name) => name === 'config.json').map((name) => readFileSync(join(directory, name), 'utf8')));
    expect(config.map((text) => Object.keys(JSON.parse(text)).sort())).toContainEqual(['apiUrl', 'authMode', 'region', 'stage', 'userPoolClientId', 'userPoolId']);
    expect(config.map((text) => JSON.parse(text).authMode)).toContain('cognito');
  });

  it('deploy only config.json, with a warning, when there is no console build', () => {
    const deployments = resourcesOf(dev.template('ConsoleRelease'), 'Custom::CDKBucketDeployment');
    expect(deployments).toHaveLength(1);
    const report = JSON.stringify(dev.json('validation-report.json'));
    expect(report).toContain('yizhan:console-build-missing');
  });
});

/**
 * Runs a synthesized bundle the way Lambda does: a fresh Node.js process imports `index.mjs`
 * with the function's environment and calls `handler` once per event. Prints the log lines the
 * function wrote, then the results as the last line.
 */
const INVOKE = `
const [file, invocations] = process.argv.slice(1);
const { handler } = await import(file);
const results = [];
for (const { event, context } of JSON.parse(invocations)) results.push(await handler(event, context));
process.stdout.write('\\n' + JSON.stringify(results) + '\\n');
`;

async function invokeBundle(directory: string, environment: Record<string, string>, invocations: { event: unknown; context: unknown }[]) {
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', INVOKE, join(directory, 'index.mjs'), JSON.stringify(invocations)], {
    env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...environment },
  });
  const lines = stdout.trim().split('\n');
  return { results: JSON.parse(lines.at(-1)!) as { statusCode?: number; body?: string; response?: unknown }[], logs: lines.slice(0, -1).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the bundles the stacks deploy', () => {
  it('bundle GraphQL into one minified ES module within its size budget, with its source map and one copy of graphql', () => {
    const directory = prod.functionCodeDirectory('Api', 'GraphqlFunction');
    expect(readdirSync(directory).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(statSync(join(directory, 'index.mjs')).size).toBeLessThanOrEqual(TARGETS.lambda_bundle_bytes.atMost);
    const map = JSON.parse(readFileSync(join(directory, 'index.mjs.map'), 'utf8')) as { sources: string[] };
    const graphqlModules = map.sources.filter((source) => source.includes('node_modules/graphql/'));
    expect(graphqlModules.length).toBeGreaterThan(50);
    // Every importer, by `import` or `require`, gets graphql's ES modules: two copies refuse each other's types.
    expect(graphqlModules.filter((source) => !source.endsWith('.mjs'))).toEqual([]);
    // Neither pinyin-pro's dictionaries, graphql-tools nor Apollo's usage-reporting protobuf ship: their replacements do.
    expect(map.sources.filter((source) => /node_modules\/(pinyin-pro|@graphql-tools|@apollo\/usage-reporting-protobuf|@aws-sdk\/credential-provider-(node|sso|ini))\//.test(source))).toEqual([]);
  });

  it('answer real GraphQL queries from the synthesized bundle, on DynamoDB Local, with the cursor key read from Secrets Manager', async () => {
    // Prepare: a table with a station, the local token issuer, and a Secrets Manager stand-in.
    const api = await TestApi.start();
    const secretArn = 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:CursorSecret-AbCdEf';
    const secrets = await AwsJsonService.start({
      GetSecretValue: (input) => ({ ARN: input.SecretId, Name: 'CursorSecret', SecretString: 'k'.repeat(64), VersionId: 'v1' }),
    });
    try {
      await createStation(api, { code: 'BUNDLE1' });
      const token = await api.tokenFor('admin');
      const { config } = api.server.application;
      const templateVariables = (graphqlFunction(prod).Environment as { Variables: Record<string, unknown> }).Variables;
      const deployTimeValues: Record<string, string> = {
        TABLE_NAME: api.tableName,
        AUTH_ISSUER: config.auth.issuer,
        AUTH_AUDIENCE: config.auth.audience,
        CURSOR_SECRET_ARN: secretArn,
      };
      const literalValues = Object.fromEntries(Object.entries(templateVariables).filter(([, value]) => typeof value === 'string')) as Record<string, string>;
      expect(Object.keys({ ...literalValues, ...deployTimeValues }).sort()).toEqual(Object.keys(templateVariables).sort());

      // Act
      const { results, logs } = await invokeBundle(
        prod.functionCodeDirectory('Api', 'GraphqlFunction'),
        {
          ...literalValues,
          ...deployTimeValues,
          // What Lambda and this machine provide besides the template's variables.
          AWS_REGION: 'cn-north-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
          DYNAMODB_ENDPOINT: config.dynamodbEndpoint!,
          AUTH_JWKS_URL: config.auth.jwksUrl,
        },
        [
          { event: graphqlEvent({ query: '{ stations { totalCount nodes { code } } }' }), context: { awsRequestId: 'lambda-request-1' } },
          { event: graphqlEvent({ query: '{ me { username roles } }' }, token), context: { awsRequestId: 'lambda-request-2' } },
        ],
      );

      // Assess
      expect(results.map((result) => result.statusCode)).toEqual([200, 200]);
      expect(JSON.parse(results[0]!.body!)).toEqual({ data: { stations: { totalCount: 1, nodes: [{ code: 'BUNDLE1' }] } } });
      expect(JSON.parse(results[1]!.body!)).toEqual({ data: { me: { username: 'admin', roles: ['ADMIN'] } } });
      expect(secrets.inputsOf('GetSecretValue')).toEqual([{ SecretId: secretArn }]);
      const requestLines = logs.filter((line) => line.message === 'graphql request');
      expect(requestLines.map((line) => [line.requestId, line.httpStatus, line.outcome])).toEqual([
        ['lambda-request-1', 200, 'OK'],
        ['lambda-request-2', 200, 'OK'],
      ]);
    } finally {
      await secrets.stop();
      await api.stop();
    }
  });

  it('sweep the table once per invocation from the synthesized sweeper bundle, reminding an overdue request', async () => {
    // Prepare: a station request received long ago (its deadline passed), and the cursor key's stand-in.
    const api = await TestApi.start();
    const secrets = await AwsJsonService.start({ GetSecretValue: () => ({ SecretString: 'k'.repeat(64) }) });
    try {
      const station = await createStation(api, { code: 'SWEEP1' });
      const request = await createRequest(api, 'admin', { channel: 'STATION', stationId: station.id, receivedAt: '2026-01-05T01:00:00.000Z' });
      const { config } = api.server.application;
      const literalValues = Object.fromEntries(
        Object.entries((sweeperFunction(prod).Environment as { Variables: Record<string, unknown> }).Variables).filter(([, value]) => typeof value === 'string'),
      ) as Record<string, string>;

      // Act: two scheduled runs.
      const { results } = await invokeBundle(
        prod.functionCodeDirectory('Api', 'SweeperFunction'),
        {
          ...literalValues,
          TABLE_NAME: api.tableName,
          AUTH_ISSUER: config.auth.issuer,
          AUTH_AUDIENCE: config.auth.audience,
          CURSOR_SECRET_ARN: 'arn:aws:secretsmanager:cn-north-1:123456789012:secret:CursorSecret-AbCdEf',
          AWS_REGION: 'cn-north-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
          DYNAMODB_ENDPOINT: config.dynamodbEndpoint!,
        },
        [
          { event: { source: 'aws.events', 'detail-type': 'Scheduled Event' }, context: { awsRequestId: 'sweep-1' } },
          { event: { source: 'aws.events', 'detail-type': 'Scheduled Event' }, context: { awsRequestId: 'sweep-2' } },
        ],
      );

      // Assess: the first run reminded the request, the second found nothing to do.
      expect(results).toEqual([
        { materialsOverdue: 0, approvalsSuspended: 0, requestsReminded: 1 },
        { materialsOverdue: 0, approvalsSuspended: 0, requestsReminded: 0 },
      ]);
      const read = (await api.data('admin', `query($id: ID!) { serviceRequest(id: $id) { escalation history(first: 1) { nodes { actor { username } } } } }`, { id: request.id })).serviceRequest;
      expect(read).toEqual({ escalation: 'REMINDED', history: { nodes: [{ actor: { username: 'sweeper' } }] } });
    } finally {
      await secrets.stop();
      await api.stop();
    }
  });

  it('copy the user’s scope into access tokens in the synthesized token trigger', async () => {
    const event = {
      version: '2',
      triggerSource: 'TokenGeneration_Authentication',
      region: 'cn-north-1',
      userPoolId: 'cn-north-1_example',
      userName: 'staff-jr',
      callerContext: { awsSdkVersion: 'aws-sdk-unknown', clientId: 'client' },
      request: {
        userAttributes: { sub: 'user-1', [`custom:${ScopeAttribute.stationIds}`]: 'station-1,station-2', [`custom:${ScopeAttribute.enterpriseId}`]: '' },
        groupConfiguration: { groupsToOverride: ['STAFF'], iamRolesToOverride: [], preferredRole: null },
        scopes: [],
      },
      response: { claimsAndScopeOverrideDetails: null },
    };

    const { results } = await invokeBundle(prod.functionCodeDirectory('Identity', 'UsersAccessTokenScope'), { AWS_REGION: 'cn-north-1' }, [{ event, context: { awsRequestId: 'trigger-1' } }]);

    expect(results[0]!.response).toEqual({
      claimsAndScopeOverrideDetails: { accessTokenGeneration: { claimsToAddOrOverride: { [`custom:${ScopeAttribute.stationIds}`]: 'station-1,station-2' } } },
    });
  });
});
