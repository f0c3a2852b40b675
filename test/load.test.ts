import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('npm run load', () => {
  it('runs a few seconds of mixed load through a DynamoDB restart, reads back every acknowledged write, and prints its figures', async () => {
    // Act
    const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'load', '--', '--json'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, LOAD_DURATION_SECONDS: '3', LOAD_RATE: '20' },
    });

    // Assess
    const { figures } = JSON.parse(stdout.trim().split('\n').at(-1)!) as { figures: Record<string, number> };
    expect(figures.requests).toBe(60);
    expect(figures.outage_seconds).toBeGreaterThan(0);
    expect(figures.latency_p50_ms).toBeGreaterThan(0);
    expect(figures.latency_p99_ms).toBeGreaterThanOrEqual(figures.latency_p50_ms!);
    expect(figures.error_rate_outside_outage).toBe(0);
    expect(figures.writes_lost_settled).toBe(0);
    expect(figures.writes_found + figures.writes_lost_acknowledged_within_settle_of_kill).toBe(figures.writes_acknowledged);
    expect(stdout).toMatch(/writes: \d+ acknowledged, \d+ found afterwards/);
  }, 120_000);
});
