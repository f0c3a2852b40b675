import { randomUUID } from 'node:crypto';
import { Role } from '@yizhan/shared';
import type { Viewer } from '../auth/viewer';
import type { Backend } from '../backend';
import { RequestScope } from '../request-scope';
import { createServices } from '../services';

/** The sweeper writes as a system administrator of its own name, so its changes are audited like anyone's. */
const SWEEPER: Viewer = { id: 'system:sweeper', username: 'sweeper', roles: [Role.ADMIN], stationIds: [], enterpriseId: null };

/** What one run changed. */
export interface SweepReport {
  /** 容缺 materials past their promised date, now OVERDUE. */
  readonly materialsOverdue: number;
  /** Tolerant approvals suspended for them. */
  readonly approvalsSuspended: number;
  /** Overdue service requests raised to REMINDED (催办). */
  readonly requestsReminded: number;
}

/**
 * One run of the scheduled sweeper (docs/domain.md) as of `now`: each part reads only the work
 * due from an index ordered by due date, and is idempotent, so a second run changes nothing and
 * runs that overlap do no harm (a record changed meanwhile is left for the next run).
 */
export async function sweep(backend: Backend, now: Date = new Date(), runId: string = `sweep-${randomUUID()}`): Promise<SweepReport> {
  const started = performance.now();
  const scope = new RequestScope(SWEEPER, runId, () => now);
  const services = createServices(backend.stores, backend.cursors, scope, backend.config);
  const approvals = await services.approvals.sweepOverdueMaterials();
  const requestsReminded = await services.serviceRequests.remindOverdue();
  const report = { ...approvals, requestsReminded };
  backend.logger.info('sweep', { requestId: runId, at: now.toISOString(), ...report, durationMs: Math.round(performance.now() - started) });
  return report;
}

/**
 * The local server's stand-in for the schedule: a sweep every `seconds` (none when 0), never two
 * at once. The returned stop clears the timer and waits for a run in progress.
 */
export function scheduleSweeps(backend: Backend, seconds: number): () => Promise<void> {
  if (seconds <= 0) return async () => undefined;
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    running ??= sweep(backend)
      .then(() => undefined)
      .catch((error: unknown) => backend.logger.error('Sweep failed', { error: error as Error }))
      .finally(() => {
        running = undefined;
      });
  }, seconds * 1000);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
