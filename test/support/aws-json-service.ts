import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One call the service received: the operation (from `X-Amz-Target`) and its JSON input. */
export interface ReceivedCall {
  readonly operation: string;
  readonly input: Record<string, unknown>;
}

/** Answers one operation with the output an AWS service would send, or throws a service error name. */
export type OperationHandler = (input: Record<string, unknown>) => Record<string, unknown>;

/**
 * A stand-in for an AWS service that speaks the JSON protocol (Secrets Manager, Cognito user
 * pools) on 127.0.0.1, for code that uses the real AWS SDK clients: point the SDK at it with
 * `AWS_ENDPOINT_URL_<SERVICE>`. It records every call and answers from the given handlers.
 */
export class AwsJsonService {
  readonly calls: ReceivedCall[] = [];

  private constructor(
    private readonly server: Server,
    readonly endpoint: string,
  ) {}

  static async start(handlers: Record<string, OperationHandler>): Promise<AwsJsonService> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const service = new AwsJsonService(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', async (request, response) => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const operation = String(request.headers['x-amz-target'] ?? '').split('.').at(-1) ?? '';
      const input = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
      service.calls.push({ operation, input });
      const handler = handlers[operation];
      response.setHeader('content-type', 'application/x-amz-json-1.1');
      if (!handler) {
        response.writeHead(400).end(JSON.stringify({ __type: 'UnknownOperationException', message: operation }));
        return;
      }
      try {
        response.writeHead(200).end(JSON.stringify(handler(input)));
      } catch (error) {
        response.writeHead(400).end(JSON.stringify({ __type: (error as Error).message, message: (error as Error).message }));
      }
    });
    return service;
  }

  /** The inputs of every call of one operation, in order. */
  inputsOf(operation: string): Record<string, unknown>[] {
    return this.calls.filter((call) => call.operation === operation).map((call) => call.input);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
