import { Role } from '@yizhan/shared';
import type { Application } from '../app';
import { RequestScope } from '../context';
import type { CreateEnterpriseInput } from '../enterprises/enterprise.input';
import { createServices } from '../services';
import type { CreateStationInput } from '../stations/station.input';
import { demoEnterprises, demoStations } from './demo-data';

export interface SeedResult {
  readonly seeded: boolean;
  readonly stations: number;
  readonly enterprises: number;
}

/** The seeder acts as an administrator named `seed`, so its writes are audited like any other. */
const SEED_VIEWER = { id: 'system:seed', username: 'seed', roles: [Role.ADMIN], stationIds: [], enterpriseId: null };

/**
 * Loads the demo data set through the services, so counters, guards and audit events are as
 * real writes make them. Seeds only a table without stations (the first start); records that
 * already exist are skipped.
 */
export async function seedDemoData(application: Application): Promise<SeedResult> {
  const { stores } = application;
  if ((await stores.stations.counter('all')) > 0) return { seeded: false, stations: 0, enterprises: 0 };
  const services = createServices(stores, application.cursors, new RequestScope(SEED_VIEWER, 'seed'));
  const stationIds = new Map<string, string>();
  for (const station of demoStations) {
    stationIds.set(station.code, (await services.stations.create(station as CreateStationInput)).id);
  }
  for (const { stationCode, ...enterprise } of demoEnterprises) {
    await services.enterprises.create({ ...enterprise, stationId: stationIds.get(stationCode)! } as CreateEnterpriseInput);
  }
  return { seeded: true, stations: demoStations.length, enterprises: demoEnterprises.length };
}
