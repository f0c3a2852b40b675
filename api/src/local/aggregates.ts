import { checkAggregates, rebuildAggregates } from '../aggregates/rebuild';
import { runMaintenance } from './maintenance';

/**
 * `npm run aggregates:rebuild`: recomputes the dashboard aggregates from the records and
 * replaces them. With `--check` it changes nothing and lists every bucket metric whose
 * maintained sum differs from the recomputed one (exit code 1 when any does).
 */
const check = process.argv.includes('--check');

void runMaintenance('Aggregate rebuild', async (backend) => {
  if (check) {
    const differences = await checkAggregates(backend.stores);
    return { exact: differences.length === 0, differences: differences.slice(0, 100), differenceCount: differences.length, failed: differences.length > 0 };
  }
  return rebuildAggregates(backend.stores, backend.client, backend.config.tableName);
});
