import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Role } from '@yizhan/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Claim } from '../../api/src/auth/token-verifier';
import { type ScopeLookup, UserAdministration } from '../../infra/src/user-admin';
import { TestApi } from '../support/api';
import { AwsJsonService } from '../support/aws-json-service';
import { createEnterprise, createStation } from '../support/fixtures';
import { root } from '../support/local-stack';

const USER_POOL_ID = 'cn-north-1_testpool';

/** A Cognito stand-in that accepts every administrator call; one user is already in VIEWER. */
function cognitoStandIn(): Promise<AwsJsonService> {
  return AwsJsonService.start({
    AdminCreateUser: (input) => ({ User: { Username: input.Username, Enabled: true, UserStatus: 'FORCE_CHANGE_PASSWORD' } }),
    AdminAddUserToGroup: () => ({}),
    AdminRemoveUserFromGroup: () => ({}),
    AdminUpdateUserAttributes: () => ({}),
    AdminListGroupsForUser: () => ({ Groups: [{ GroupName: Role.VIEWER }] }),
    AdminDisableUser: () => ({}),
    AdminEnableUser: () => ({}),
  });
}

describe('npm run users', () => {
  let api: TestApi;
  let cognito: AwsJsonService;
  let users: UserAdministration;
  let jinRong: { id: string; code: string };
  let enterprise: { id: string; creditCode: string };

  beforeAll(async () => {
    api = await TestApi.start();
    jinRong = await createStation(api, { code: 'JR' });
    enterprise = await createEnterprise(api, jinRong.id);
    cognito = await cognitoStandIn();
    const { stations, enterprises } = api.server.application.stores;
    const scope: ScopeLookup = {
      stationIdByCode: (code) => stations.idByUnique('code', code),
      enterpriseIdByCreditCode: (creditCode) => enterprises.idByUnique('creditCode', creditCode),
    };
    const client = new CognitoIdentityProviderClient({ region: 'cn-north-1', endpoint: cognito.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    users = new UserAdministration(client, USER_POOL_ID, scope);
  });

  afterAll(async () => {
    await cognito?.stop();
    await api?.stop();
  });

  it('creates a STAFF user with the station’s id as scope and a temporary password to hand over', async () => {
    const before = cognito.calls.length;

    const { temporaryPassword } = await users.create('zhang.wei', { roles: ['STAFF'], stationCodes: ['jr'], enterpriseCreditCode: undefined });

    expect(temporaryPassword).toMatch(/^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)(?=.*[^A-Za-z\d]).{20}$/);
    const calls = cognito.calls.slice(before);
    expect(calls.map((call) => call.operation)).toEqual(['AdminCreateUser', 'AdminAddUserToGroup']);
    expect(calls[0]!.input).toMatchObject({
      UserPoolId: USER_POOL_ID,
      Username: 'zhang.wei',
      TemporaryPassword: temporaryPassword,
      MessageAction: 'SUPPRESS',
      UserAttributes: [
        { Name: Claim.stationIds, Value: jinRong.id },
        { Name: Claim.enterpriseId, Value: '' },
      ],
    });
    expect(calls[1]!.input).toEqual({ UserPoolId: USER_POOL_ID, Username: 'zhang.wei', GroupName: 'STAFF' });
  });

  it('lets Cognito e-mail the invitation when an address is given, and scopes an ENTERPRISE user by credit code', async () => {
    const before = cognito.calls.length;

    const { temporaryPassword } = await users.create('zhongtian', { roles: ['ENTERPRISE'], stationCodes: [], enterpriseCreditCode: enterprise.creditCode }, 'it@example.com');

    expect(temporaryPassword).toBeUndefined();
    const [create] = cognito.calls.slice(before);
    expect(create!.input).toMatchObject({ DesiredDeliveryMediums: ['EMAIL'] });
    expect(create!.input.UserAttributes).toEqual(
      expect.arrayContaining([{ Name: Claim.enterpriseId, Value: enterprise.id }, { Name: 'email', Value: 'it@example.com' }]),
    );
  });

  it('refuses unknown stations, unknown roles and scope-less STAFF before calling Cognito', async () => {
    const before = cognito.calls.length;

    await expect(users.create('a', { roles: ['STAFF'], stationCodes: ['NOPE'], enterpriseCreditCode: undefined })).rejects.toThrow('No station has the code NOPE.');
    await expect(users.create('b', { roles: ['ROOT'], stationCodes: [], enterpriseCreditCode: undefined })).rejects.toThrow(/Unknown role ROOT/);
    await expect(users.create('c', { roles: ['STAFF'], stationCodes: [], enterpriseCreditCode: undefined })).rejects.toThrow(/STAFF user needs at least one --station/);
    expect(cognito.calls.length).toBe(before);
  });

  it('replaces roles and scope on update: adds the new groups, removes the others, clears an absent scope', async () => {
    const before = cognito.calls.length;

    await users.update('li.na', { roles: ['STAFF'], stationCodes: ['JR'], enterpriseCreditCode: undefined });

    const calls = cognito.calls.slice(before);
    expect(calls.map((call) => [call.operation, call.input.GroupName])).toEqual([
      ['AdminUpdateUserAttributes', undefined],
      ['AdminListGroupsForUser', undefined],
      ['AdminAddUserToGroup', 'STAFF'],
      ['AdminRemoveUserFromGroup', 'VIEWER'],
    ]);
    expect(calls[0]!.input.UserAttributes).toEqual([
      { Name: Claim.stationIds, Value: jinRong.id },
      { Name: Claim.enterpriseId, Value: '' },
    ]);
  });

  it('runs as `npm run users -- create …` against the given user pool and table', async () => {
    const before = cognito.calls.length;

    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'users', '--', 'create', '--username', 'wang.fang', '--role', 'STAFF', '--station', 'JR', '--user-pool-id', USER_POOL_ID, '--table-name', api.tableName],
      {
        cwd: root,
        env: {
          ...process.env,
          AWS_REGION: 'cn-north-1',
          AWS_ACCESS_KEY_ID: 'local',
          AWS_SECRET_ACCESS_KEY: 'local',
          AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: cognito.endpoint,
          AWS_ENDPOINT_URL_DYNAMODB: api.server.application.config.dynamodbEndpoint,
        },
      },
    );

    expect(stdout).toMatch(/^Created wang\.fang\. Temporary password .*: \S{20}$/m);
    expect(cognito.calls.slice(before).map((call) => call.operation)).toEqual(['AdminCreateUser', 'AdminAddUserToGroup']);
  });
});
