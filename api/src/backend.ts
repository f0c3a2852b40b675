import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CursorCodec } from './common/cursor';
import type { Config } from './config';
import { createStores, type Stores } from './services';
import { createDocumentClient } from './store/dynamodb';

/** What every process of the API creates once: its configuration, log, DynamoDB client and stores. */
export interface Backend {
  readonly config: Config;
  readonly client: DynamoDBDocumentClient;
  readonly stores: Stores;
  readonly cursors: CursorCodec;
  readonly logger: Logger;
}

/** The backend of a process: the GraphQL server builds on it; the sweeper needs nothing more. */
export function createBackend(config: Config): Backend {
  const logger = new Logger({ serviceName: 'yizhan-api', logLevel: config.logLevel as 'INFO' });
  const client = createDocumentClient({ region: config.region, endpoint: config.dynamodbEndpoint, timeouts: config.dynamodbTimeouts });
  return { config, client, stores: createStores(client, config.tableName), cursors: new CursorCodec(config.cursorSecret), logger };
}

