import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { DEMO_ENTERPRISE_CREDIT_CODE } from '../api/src/local/demo-data';
import { TestApi } from './support/api';
import { approvalInput, GET_APPROVAL, projectInput } from './support/approvals';
import { servicesOn, TestClock, viewers } from './support/clock';
import { root } from './support/local-stack';

const run = promisify(execFile);

/** A table with one 容缺 approval whose material was promised for a day long past. */
async function apiWithOverdueMaterial(environment: Record<string, string> = {}): Promise<{ api: TestApi; approvalId: string }> {
  const api = await TestApi.startWithDemoDirectory(environment);
  const clock = new TestClock(new Date('2026-06-01T02:00:00.000Z'));
  const officer = servicesOn(api, viewers.officer, clock);
  const enterprise = await officer.enterprises.getByCreditCode(DEMO_ENTERPRISE_CREDIT_CODE);
  const project = await officer.projects.create(projectInput(enterprise.id));
  const approval = await officer.approvals.create(approvalInput(project.id));
  await officer.approvals.transition({
    id: approval.id,
    expectedVersion: approval.version,
    action: 'ACCEPT_TOLERANT',
    commitment: { signatory: '王建国', signedOn: '2026-05-29' },
    outstandingMaterials: [{ name: '消防设计审查意见', promisedBy: '2026-06-03' }],
  });
  return { api, approvalId: approval.id };
}

describe('running the sweeper outside the schedule', () => {
  let api: TestApi | undefined;

  afterEach(async () => {
    await api?.stop();
    api = undefined;
  });

  it('`npm run sweep` sweeps the table once and prints what it changed', async () => {
    const prepared = await apiWithOverdueMaterial();
    api = prepared.api;

    const { stdout } = await run('npm', ['run', '--silent', 'sweep'], {
      cwd: root,
      env: { ...process.env, DYNAMODB_ENDPOINT: inject('dynamodbEndpoint'), TABLE_NAME: api.tableName },
    });

    expect(JSON.parse(stdout.trim())).toEqual({ materialsOverdue: 1, approvalsSuspended: 1, requestsReminded: 0 });
    expect((await api.data('officer', GET_APPROVAL, { id: prepared.approvalId })).approval.status).toBe('SUSPENDED');
  }, 60_000);

  it('the local server sweeps on its timer (SWEEP_INTERVAL_SECONDS)', async () => {
    const prepared = await apiWithOverdueMaterial({ SWEEP_INTERVAL_SECONDS: '1' });
    api = prepared.api;

    let status = 'ACCEPTED_TOLERANT';
    for (let attempt = 0; attempt < 50 && status !== 'SUSPENDED'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      status = (await api.data('officer', GET_APPROVAL, { id: prepared.approvalId })).approval.status;
    }

    expect(status).toBe('SUSPENDED');
  }, 60_000);
});
