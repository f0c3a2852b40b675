import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoProjects } from '../api/src/local/demo-approvals';
import { demoRequests } from '../api/src/local/demo-requests';

describe('npm run bench', () => {
  it('runs end to end on a small data set and prints its figures as JSON on the last line', () => {
    const output = execFileSync('npm', ['run', '--silent', 'bench', '--', '--json'], {
      cwd: join(import.meta.dirname, '..'),
      env: { ...process.env, BENCH_ENTERPRISES: '20', BENCH_REQUESTS: '20', BENCH_ROUNDS: '3', BENCH_DASHBOARD_SMALL: '100', BENCH_DASHBOARD_LARGE: '1000' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const { figures } = JSON.parse(output.trim().split('\n').at(-1)!) as { figures: Record<string, number> };
    expect(figures.enterprises).toBe(80);
    expect(figures.dynamodb_calls_per_page_of_25_with_station).toBe(3);
    expect(figures.service_requests).toBe(demoRequests.length + 20);
    // Query, a BatchGetItem each for enterprises and stations, and one for the total's counter.
    expect(figures.dynamodb_calls_per_request_page_of_25).toBe(4);
    // GetItem of the request, then its TransactWriteItems.
    expect(figures.dynamodb_calls_per_request_transition).toBe(2);
    expect(figures.approvals).toBe(demoProjects.flatMap((project) => project.approvals).length + 3);
    // Query, a BatchGetItem each for projects and enterprises, and one for the total's counter.
    expect(figures.dynamodb_calls_per_approval_page_of_25).toBe(4);
    // GetItem of the approval, a BatchGetItem of its enterprise (the 失信 guard), the calendar's overrides, the TransactWriteItems.
    expect(figures.dynamodb_calls_per_approval_accept).toBe(4);
    expect(figures).toMatchObject({ dashboard_requests_small: 100, dashboard_requests_large: 1000 });
    expect(figures.dashboard_scale_ratio).toBeGreaterThan(0);
    // What the sign-in page needs before it renders; the views load by route.
    expect(figures.console_initial_js_gzip_bytes).toBeLessThanOrEqual(350_000);
    expect(Object.values(figures).every((value) => Number.isFinite(value) && value > 0)).toBe(true);
  }, 180_000);
});
