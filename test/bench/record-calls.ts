import { randomUUID } from 'node:crypto';
import { BatchGetCommand, type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

/** A DynamoDB call as the API made it, at the document level (before marshalling). */
export interface RecordedCall {
  readonly name: string;
  readonly input: Record<string, unknown>;
  /** Calls with the same wave went out before any of the next wave's answers were needed. */
  readonly wave: number;
}

/** The document-level command that repeats a recorded call. */
// biome-ignore lint/suspicious/noExplicitAny: each command class takes its own input type; a recorded input is replayed as it was.
const COMMANDS: Record<string, new (input: any) => any> = {
  QueryCommand,
  BatchGetItemCommand: BatchGetCommand,
  GetItemCommand: GetCommand,
  TransactWriteItemsCommand: TransactWriteCommand,
  UpdateItemCommand: UpdateCommand,
  PutItemCommand: PutCommand,
};

/** Records the document-level calls a piece of work makes, grouped into waves. */
export async function recordCalls(client: DynamoDBDocumentClient, work: () => Promise<unknown>): Promise<RecordedCall[]> {
  const calls: RecordedCall[] = [];
  let answered = 0;
  const name = `benchRecorder${randomUUID()}`;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push({ name: context.commandName!, input: structuredClone(args.input as Record<string, unknown>), wave: answered });
      try {
        return await next(args);
      } finally {
        answered += 1;
      }
    },
    { step: 'initialize', priority: 'high', name },
  );
  try {
    await work();
  } finally {
    client.middlewareStack.remove(name);
  }
  // Renumber waves 0, 1, 2 … in order of appearance.
  const waves = [...new Set(calls.map((call) => call.wave))];
  return calls.map((call) => ({ ...call, wave: waves.indexOf(call.wave) }));
}

/** Makes recorded calls again, wave after wave; `rewrite` may change a call's input given the earlier answers. */
export async function replay(client: DynamoDBDocumentClient, calls: readonly RecordedCall[], rewrite: (call: RecordedCall, answers: unknown[]) => Record<string, unknown> = (call) => call.input) {
  const answers: unknown[] = [];
  const waves = Math.max(...calls.map((call) => call.wave)) + 1;
  for (let wave = 0; wave < waves; wave += 1) {
    const inWave = calls.filter((call) => call.wave === wave);
    answers.push(...(await Promise.all(inWave.map((call) => client.send(new COMMANDS[call.name]!(rewrite(call, answers) as never))))));
  }
  return answers as Record<string, unknown>[];
}
