import { createBackend } from './backend';
import { loadConfig } from './config';
import { readSecretString } from './secrets';
import { type SweepReport, sweep } from './sweeper/sweeper';

/** Created once per Lambda instance, reused across invocations; configured like the GraphQL function. */
const backend = createBackend(await loadConfig(readSecretString));

/**
 * The EventBridge schedule → one sweep. A failure fails the invocation, so it shows in the
 * function's error metric and its alarm; the next scheduled run picks the work up again.
 */
export function handler(_event: unknown, context: { readonly awsRequestId?: string }): Promise<SweepReport> {
  return sweep(backend, new Date(), context.awsRequestId ? `sweep-${context.awsRequestId}` : undefined);
}
