import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbSettings {
  readonly region: string;
  readonly endpoint: string | undefined;
  readonly timeouts: {
    readonly connectionMs: number;
    readonly requestMs: number;
    readonly maxAttempts: number;
  };
}

/**
 * The one DynamoDB client of a process. Every call is bounded: a connection that does not open,
 * or an answer that does not come, fails the attempt after its timeout (the SDK's default is to
 * wait forever), and attempts are few. A custom endpoint means DynamoDB Local: the SDK still
 * wants credentials there, so fixed dummy ones are used for it only.
 */
export function createDocumentClient(settings: DynamoDbSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    region: settings.region,
    ...(settings.endpoint
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: settings.timeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: settings.timeouts.connectionMs,
      requestTimeout: settings.timeouts.requestMs,
      // Without this the handler only logs a warning when the request timeout passes.
      throwOnRequestTimeout: true,
    },
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}
