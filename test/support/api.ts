import { randomBytes } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { deleteTableIfExists, ensureTable } from '../../api/src/local/create-table';
import { localDynamoDbClientConfig } from '../../api/src/local/dynamodb-local';
import { seedDemoData } from '../../api/src/local/seed';
import { type LocalServer, startLocalServer } from '../../api/src/local/server';
import { signIn } from './sign-in';

interface GraphqlError {
  message: string;
  extensions?: { code?: string; fieldErrors?: { field: string; message: string }[]; [key: string]: unknown };
}

export interface GraphqlResponse<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: GraphqlError[];
}

/** A running API on its own fresh table in the shared DynamoDB Local, driven over real HTTP. */
export class TestApi {
  private readonly tokens = new Map<string, string>();

  private constructor(
    readonly server: LocalServer,
    readonly tableName: string,
    private readonly dynamodb: DynamoDBClient,
  ) {}

  static async start(environment: Record<string, string> = {}): Promise<TestApi> {
    const endpoint = inject('dynamodbEndpoint');
    const dynamodb = new DynamoDBClient(localDynamoDbClientConfig(endpoint));
    const tableName = `test-${randomBytes(6).toString('hex')}`;
    await ensureTable(dynamodb, tableName);
    const server = await startLocalServer({
      port: 0,
      tableName,
      dynamodbEndpoint: endpoint,
      environment: { LOG_LEVEL: 'CRITICAL', ...environment },
    });
    return new TestApi(server, tableName, dynamodb);
  }

  /**
   * Like `start`, with the demo stations and enterprises loaded: the directory most tests need,
   * without the demo requests, projects and approvals (which take seconds to play).
   */
  static async startWithDemoDirectory(environment: Record<string, string> = {}): Promise<TestApi> {
    const api = await TestApi.start(environment);
    await seedDemoData(api.server.application, { serviceRequests: false, projects: false });
    return api;
  }

  /** The ids of the stations, by code. */
  async stationIds(): Promise<Record<string, string>> {
    const stations = (await this.data('admin', `{ stations(first: 100) { nodes { id code } } }`)).stations.nodes as { id: string; code: string }[];
    return Object.fromEntries(stations.map((station) => [station.code, station.id]));
  }

  get url(): string {
    return this.server.url;
  }

  async stop(): Promise<void> {
    await this.server.close();
    await deleteTableIfExists(this.dynamodb, this.tableName);
    this.dynamodb.destroy();
  }

  /** Signs in a demo user (cached per user) and returns the bearer token. */
  async tokenFor(username: string): Promise<string> {
    const cached = this.tokens.get(username);
    if (cached) return cached;
    const accessToken = await signIn(this.url, username);
    this.tokens.set(username, accessToken);
    return accessToken;
  }

  /** Forgets cached tokens (e.g. after stations were created, so staff tokens carry their ids). */
  forgetTokens(): void {
    this.tokens.clear();
  }

  /** Sends a GraphQL operation as `username` (or anonymously with null). */
  async graphql<T = Record<string, unknown>>(
    username: string | null,
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlResponse<T>> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (username) headers.authorization = `Bearer ${await this.tokenFor(username)}`;
    const response = await fetch(`${this.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data?: T | null; errors?: GraphqlError[] };
    return { status: response.status, ...body };
  }

  /** Like `graphql` but fails the test on any error, returning the data. */
  // biome-ignore lint/suspicious/noExplicitAny: tests walk response data freely and assert on it; a typed default would only add casts.
  async data<T = Record<string, any>>(username: string | null, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.graphql<T>(username, query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }
}

/** The error code of a response's first error. */
export function errorCode(result: GraphqlResponse<unknown>): string | undefined {
  return result.errors?.[0]?.extensions?.code;
}
