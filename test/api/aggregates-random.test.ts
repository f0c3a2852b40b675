import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkAggregates } from '../../api/src/aggregates/rebuild';
import type { Services } from '../../api/src/services';
import { TestApi } from '../support/api';
import { approvalInput, projectInput } from '../support/approvals';
import { servicesOn, TestClock, viewers } from '../support/clock';
import { enterpriseInput, stationInput } from '../support/fixtures';
import { seeded } from '../support/seeded';
import { requestInput } from '../support/service-requests';

const SEED = 20_231_031;
const OPERATIONS = 160;

/**
 * A random sequence of creates, updates, transitions and deletes (some refused) on requests,
 * enterprises and approvals, on a clock that moves between them: afterwards the aggregates the
 * writes kept must equal a recomputation from the records.
 */
describe('dashboard aggregates under a random sequence of writes', () => {
  let api: TestApi;
  let clock: TestClock;
  const admin = (): Services => servicesOn(api, viewers.admin, clock);

  beforeAll(async () => {
    api = await TestApi.start();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it(`stays equal to the rebuild (seed ${SEED}, ${OPERATIONS} operations)`, async () => {
    // Prepare
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    clock = new TestClock(new Date('2026-03-02T01:00:00.000Z'));
    const stations = [(await admin().stations.create(stationInput())).id, (await admin().stations.create(stationInput())).id];
    const enterprises: string[] = [];
    const requests: string[] = [];
    const approvals: string[] = [];
    const projectOf = new Map<string, string>();
    /** Fields each action needs; the machine refuses the rest, which must change nothing. */
    const fieldsOf = (action: string): Record<string, unknown> => {
      switch (action) {
        case 'DISPATCH':
          return { assignedUnit: '区人社局', stationId: pick([...stations, null]) };
        case 'REPLY':
          return { reply: '已答复。', outcome: random() < 0.5 ? { issueResolved: random() < 0.7, jobsFilled: Math.floor(random() * 20), financingAmount: Math.round(random() * 1000) / 10 } : null };
        case 'CALLBACK':
          return random() < 0.8 ? { reached: true, rating: pick(['VERY_SATISFIED', 'SATISFIED', 'BASIC', 'DISSATISFIED']), resolved: random() < 0.7 } : { reached: false };
        case 'EXTEND':
          return { workingDays: 1 + Math.floor(random() * 5), note: '需要更多时间' };
        case 'ACCEPT_TOLERANT':
          return { commitment: { signatory: '王建国', signedOn: '2026-03-01' }, outstandingMaterials: [{ name: '消防设计审查意见', promisedBy: '2026-03-06' }] };
        case 'PAUSE':
          return { reason: 'HEARING' };
        default:
          return { note: '随机操作' };
      }
    };
    let refused = 0;

    // Act
    for (let step = 0; step < OPERATIONS; step += 1) {
      clock = new TestClock(new Date(clock.now().getTime() + Math.floor(random() * 30) * 3_600_000));
      const services = admin();
      const roll = random();
      try {
        if (roll < 0.2 || requests.length === 0) {
          const channel = pick(['STATION', 'ONSITE', 'HOTLINE', 'HOTLINE']);
          const at = clock.now().toISOString();
          const input = requestInput({
            channel,
            category: pick(['EMPLOYMENT', 'FINANCING', 'POLICY', 'PROJECT_APPROVAL']),
            stationId: channel === 'HOTLINE' ? null : pick(stations),
            receivedAt: at,
            visit: channel === 'ONSITE' && random() < 0.7 ? { visitedAt: at, visitors: '专班' } : null,
          });
          requests.push((await services.serviceRequests.create(input)).id);
        } else if (roll < 0.6) {
          const request = await services.serviceRequests.get(pick(requests));
          const action = pick([...(await services.serviceRequests.availableActions(request)), 'REOPEN']);
          await services.serviceRequests.transition({ id: request.id, expectedVersion: request.version, action, ...fieldsOf(action) });
        } else if (roll < 0.68) {
          const request = await services.serviceRequests.get(pick(requests));
          await services.serviceRequests.update({ id: request.id, expectedVersion: request.version, category: pick(['EMPLOYMENT', 'TALENT']), stationId: pick(stations) });
        } else if (roll < 0.76 || enterprises.length === 0) {
          const input = enterpriseInput(pick(stations), { registeredViaStation: random() < 0.6, establishedOn: pick(['2026-02-27', '2026-03-02', '2026-03-03']) });
          enterprises.push((await services.enterprises.create(input)).id);
        } else if (roll < 0.82) {
          const enterprise = await services.enterprises.get(pick(enterprises));
          await services.enterprises.update({ id: enterprise.id, expectedVersion: enterprise.version, stationId: pick(stations), registeredViaStation: random() < 0.5 });
        } else if (roll < 0.85) {
          const enterprise = await services.enterprises.get(pick(enterprises));
          await services.enterprises.remove({ id: enterprise.id, expectedVersion: enterprise.version });
          enterprises.splice(enterprises.indexOf(enterprise.id), 1);
        } else if (roll < 0.89 || approvals.length === 0) {
          const enterpriseId = pick(enterprises);
          const projectId = projectOf.get(enterpriseId) ?? (await services.projects.create(projectInput(enterpriseId, { startUponLandAcquisition: random() < 0.3 }))).id;
          projectOf.set(enterpriseId, projectId);
          const stage = pick(['LAND_USE_PLANNING', 'COMPLETION_ACCEPTANCE']);
          approvals.push((await services.approvals.create(approvalInput(projectId, { stage }))).id);
        } else {
          const approval = await services.approvals.get(pick(approvals));
          const action = pick(await services.approvals.availableActions(approval));
          if (action) await services.approvals.transition({ id: approval.id, expectedVersion: approval.version, action, ...fieldsOf(action) });
        }
      } catch (error) {
        // Refusals (invalid transitions, blocked deletes, bad input) are part of the sequence.
        const code = (error as { code?: string }).code;
        if (!['INVALID_TRANSITION', 'FAILED_PRECONDITION', 'BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN'].includes(code ?? '')) throw error;
        refused += 1;
      }
    }
    const differences = await checkAggregates(api.server.application.stores);

    // Assess
    expect(requests.length).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(0);
    expect(differences).toEqual([]);
  }, 240_000);
});
