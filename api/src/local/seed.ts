import { Role } from '@yizhan/shared';
import type { Application } from '../app';
import { RequestScope } from '../request-scope';
import { createServices } from '../services';
import { demoEnterprises, demoStations } from './demo-data';

export interface SeedResult {
  readonly seeded: boolean;
  readonly stations: number;
  readonly enterprises: number;
}

/** The seeder acts as an administrator named `seed`, so its writes are audited like any other. */
const SEED_VIEWER = { id: 'system:seed', username: 'seed', roles: [Role.ADMIN], stationIds: [], enterpriseId: null };

/**
 * Loads the demo data set through the services, so checks, counters, guards and audit events
 * are as real writes make them. Seeds only a table without stations (the first start).
 */
export async function seedDemoData(application: Application): Promise<SeedResult> {
  const services = createServices(application.stores, application.cursors, new RequestScope(SEED_VIEWER, 'seed'));
  if ((await services.stations.count({})) > 0) return { seeded: false, stations: 0, enterprises: 0 };
  const stationIds = new Map<string, string>();
  for (const station of demoStations) {
    stationIds.set(station.code, (await services.stations.create(station)).id);
  }
  for (const { stationCode, ...enterprise } of demoEnterprises) {
    await services.enterprises.create({ ...enterprise, stationId: stationIds.get(stationCode) });
  }
  return { seeded: true, stations: demoStations.length, enterprises: demoEnterprises.length };
}
