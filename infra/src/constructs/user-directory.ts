import { enumLabel, Role } from '@yizhan/shared';
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  type CfnUserPool,
  ClientAttributes,
  FeaturePlan,
  LambdaVersion,
  Mfa,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { Claim } from '../../../api/src/auth/token-verifier';
import { ApiFunction } from './api-function';

/** Name of a custom attribute as Cognito declares it: the claim without its `custom:` prefix. */
function customAttributeName(claim: string): string {
  return claim.replace(/^custom:/, '');
}

/** The user attributes that scope a user: the stations of STAFF, the enterprise of ENTERPRISE. */
export const ScopeAttribute = {
  stationIds: customAttributeName(Claim.stationIds),
  enterpriseId: customAttributeName(Claim.enterpriseId),
} as const;

export interface UserDirectoryProps {
  /**
   * Deletion protection on and RETAIN on removal: users and their passwords cannot be recreated.
   * @default true
   */
  readonly protectData?: boolean;
  /**
   * Whether every user must sign in with a one-time code from an authenticator app (TOTP).
   * @default true
   */
  readonly requireMfa?: boolean;
  /**
   * Log retention of the token trigger.
   * @default RetentionDays.ONE_MONTH
   */
  readonly logRetention?: RetentionDays;
}

/**
 * The people who use the console: a Cognito user pool whose groups are the roles of
 * `shared/src/enums.ts` and whose custom attributes carry a user's station and enterprise scope,
 * an app client for the console (SRP sign-in, no secret, no hosted UI), and a pre-token-generation
 * trigger that copies the scope into access tokens, so the API verifies Cognito's access tokens
 * exactly like the local issuer's. Users are created by administrators only (`npm run users`).
 */
export class UserDirectory extends Construct {
  readonly userPool: UserPool;
  readonly consoleClient: UserPoolClient;
  /** The issuer of the pool's tokens (`iss`), which is also where its JWKS is published. */
  readonly issuerUrl: string;
  readonly tokenTrigger: ApiFunction;

  constructor(scope: Construct, id: string, props: UserDirectoryProps = {}) {
    super(scope, id);
    const protectData = props.protectData ?? true;
    const requireMfa = props.requireMfa ?? true;

    this.tokenTrigger = new ApiFunction(this, 'AccessTokenScope', {
      entry: 'api/src/auth/pre-token-generation.ts',
      description: 'Copies the user’s station and enterprise scope into access tokens',
      timeout: Duration.seconds(5),
      memorySize: 256,
      logRemovalPolicy: protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      ...(props.logRetention === undefined ? {} : { logRetention: props.logRetention }),
    });

    this.userPool = new UserPool(this, 'UserPool', {
      // Access-token customisation (the trigger's version 2 event) needs at least Essentials.
      featurePlan: FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { username: true },
      signInCaseSensitive: false,
      standardAttributes: { email: { required: false, mutable: true } },
      customAttributes: {
        [ScopeAttribute.stationIds]: new StringAttribute({ mutable: true, maxLen: 2048 }),
        [ScopeAttribute.enterpriseId]: new StringAttribute({ mutable: true, maxLen: 64 }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        passwordHistorySize: 5,
      },
      mfa: requireMfa ? Mfa.REQUIRED : Mfa.OPTIONAL,
      mfaSecondFactor: { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      deletionProtection: protectData,
      removalPolicy: protectData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    (this.userPool.node.defaultChild as CfnUserPool).overrideLogicalId('UserPool');
    this.userPool.addTrigger(UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG, this.tokenTrigger.function, LambdaVersion.V2_0);
    this.issuerUrl = this.userPool.userPoolProviderUrl;

    for (const role of Object.values(Role)) {
      new UserPoolGroup(this, `${role}Group`, {
        userPool: this.userPool,
        groupName: role,
        description: `${enumLabel('Role', role, 'en')} · ${enumLabel('Role', role, 'zh-CN')}`,
      });
    }

    this.consoleClient = this.userPool.addClient('ConsoleClient', {
      authFlows: { userSrp: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: Duration.hours(12),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true })
        .withCustomAttributes(ScopeAttribute.stationIds, ScopeAttribute.enterpriseId),
      // Users may change their e-mail address, never their own scope: only administrators set it.
      writeAttributes: new ClientAttributes().withStandardAttributes({ email: true }),
    });

    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials plan: it has the access-token customisation the scope claims need. Plus adds threat protection (risk-based adaptive authentication) at a higher price per user; the pool has no self sign-up, administrators create every user, prod requires MFA, and the plan can be raised later without replacing the pool.',
    });
    if (!requireMfa) {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason: 'Development stage only: MFA is optional so test users can sign in without an authenticator app; the prod stage requires TOTP MFA.',
      });
    }
  }
}
