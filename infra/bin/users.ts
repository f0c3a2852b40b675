import { parseArgs } from 'node:util';
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { enterpriseEntity, stationEntity } from '@yizhan/shared';
import { createDocumentClient } from '../../api/src/store/dynamodb';
import { EntityLayout } from '../../api/src/store/entity-layout';
import { RecordStore } from '../../api/src/store/entity-store';
import { APPLICATION_NAME } from '../src/stage';
import { type ScopeLookup, UserAdminError, UserAdministration } from '../src/user-admin';

const usage = `npm run users -- <command> [options]

  create   --username NAME --role ROLE [--role ROLE …] [--station CODE …] [--enterprise CREDIT_CODE] [--email ADDRESS]
  update   --username NAME --role ROLE [--role ROLE …] [--station CODE …] [--enterprise CREDIT_CODE]
  disable  --username NAME
  enable   --username NAME
  list

  --stage dev|prod         the deployment (default dev); its stack outputs name the user pool and table
  --user-pool-id ID        instead of the Identity stack's output
  --table-name NAME        instead of the Data stack's output`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: {
    username: { type: 'string' },
    role: { type: 'string', multiple: true, default: [] },
    station: { type: 'string', multiple: true, default: [] },
    enterprise: { type: 'string' },
    email: { type: 'string' },
    stage: { type: 'string', default: 'dev' },
    'user-pool-id': { type: 'string' },
    'table-name': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

/** One output of one of the stage's stacks, e.g. `Identity` / `UserPoolId`. */
async function stackOutput(stack: string, output: string): Promise<string> {
  const stackName = `${APPLICATION_NAME}-${values.stage}-${stack}`;
  const client = new CloudFormationClient({});
  try {
    const { Stacks: stacks } = await client.send(new DescribeStacksCommand({ StackName: stackName }));
    const value = stacks?.[0]?.Outputs?.find((candidate) => candidate.OutputKey === output)?.OutputValue;
    if (!value) throw new UserAdminError(`Stack ${stackName} has no output ${output}: is the stage deployed?`);
    return value;
  } finally {
    client.destroy();
  }
}

function username(): string {
  if (!values.username) throw new UserAdminError('Give --username.');
  return values.username;
}

async function main(): Promise<void> {
  const [command] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return;
  }
  const cognito = new CognitoIdentityProviderClient({});
  const userPoolId = values['user-pool-id'] ?? (await stackOutput('Identity', 'UserPoolId'));
  const tableName = values['table-name'] ?? (await stackOutput('Data', 'TableName'));
  const dynamodb = createDocumentClient({
    region: await cognito.config.region(),
    endpoint: undefined,
    timeouts: { connectionMs: 2_000, requestMs: 5_000, maxAttempts: 3 },
  });
  const stations = new RecordStore(dynamodb, tableName, new EntityLayout(stationEntity));
  const enterprises = new RecordStore(dynamodb, tableName, new EntityLayout(enterpriseEntity));
  const scope: ScopeLookup = {
    stationIdByCode: (code) => stations.idByUnique('code', code),
    enterpriseIdByCreditCode: (creditCode) => enterprises.idByUnique('creditCode', creditCode),
  };
  const users = new UserAdministration(cognito, userPoolId, scope);
  const access = { roles: values.role, stationCodes: values.station, enterpriseCreditCode: values.enterprise };
  try {
    switch (command) {
      case 'create': {
        const { temporaryPassword } = await users.create(username(), access, values.email);
        console.log(
          temporaryPassword
            ? `Created ${username()}. Temporary password (hand it over in person; it must be changed at first sign-in): ${temporaryPassword}`
            : `Created ${username()}. Cognito e-mails the invitation with a temporary password to ${values.email}.`,
        );
        break;
      }
      case 'update':
        await users.update(username(), access);
        console.log(`Updated ${username()}; the change reaches the API with the user's next token.`);
        break;
      case 'disable':
      case 'enable':
        await users.setEnabled(username(), command === 'enable');
        console.log(`${command === 'enable' ? 'Enabled' : 'Disabled'} ${username()}.`);
        break;
      case 'list':
        console.table(await users.list());
        break;
      default:
        throw new UserAdminError(`Unknown command ${command}.\n\n${usage}`);
    }
  } finally {
    cognito.destroy();
    dynamodb.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof UserAdminError ? error.message : error);
  process.exitCode = 1;
});
