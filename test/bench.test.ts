import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TARGETS } from './bench/targets';

describe('npm run bench', () => {
  it('runs every figure end to end on a small data set and prints them as JSON on the last line', () => {
    // Act: seconds per figure, not minutes; the ratios of so short a run are not the real ones.
    const output = execFileSync('npm', ['run', '--silent', 'bench', '--', '--json'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, BENCH_SMALL: '50', BENCH_LARGE: '200', BENCH_ROUNDS: '3', BENCH_SECONDS: '0.5', BENCH_BACKLOG: '10' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });

    // Assess
    const { figures } = JSON.parse(output.trim().split('\n').at(-1)!) as { figures: Record<string, number> };
    for (const name of Object.keys(TARGETS)) expect(Number.isFinite(figures[name]) && figures[name]! > 0, name).toBe(true);
    // What does not depend on the machine holds its target even in a short run.
    expect(figures.ddb_calls_per_list_page_25).toBe(figures.ddb_calls_per_list_page_100);
    expect(figures.ddb_calls_per_list_page).toBeLessThanOrEqual(TARGETS.ddb_calls_per_list_page.atMost);
    expect(figures.lambda_bundle_bytes).toBeLessThanOrEqual(TARGETS.lambda_bundle_bytes.atMost);
    expect(figures.console_initial_js_gzip_bytes).toBeLessThanOrEqual(TARGETS.console_initial_js_gzip_bytes.atMost);
  }, 300_000);
});
