import type { Application } from '../app';
import { RequestScope } from '../request-scope';
import { createServices } from '../services';
import { sweep } from '../sweeper/sweeper';
import { demoEnterprises, demoStations } from './demo-data';
import { type DemoRequest, demoRequests } from './demo-requests';
import { inParallel } from './in-parallel';
import { type HistoryResult, seedHistory } from './seed-history';
import { seedProjects } from './seed-projects';
import { SEED_VIEWER } from './seed-viewer';

export interface SeedResult {
  readonly seeded: boolean;
  readonly stations: number;
  readonly enterprises: number;
  readonly serviceRequests: number;
  readonly projects: number;
  readonly approvals: number;
  /** Records of the history behind the article's figures, loaded in batches. */
  readonly history: HistoryResult;
}

export interface SeedOptions {
  /** The day the demo data is loaded on; open requests are dated back from it. @default now */
  readonly today?: Date;
  /** Whether to play the demo requests (tests that need only stations and enterprises skip them). @default true */
  readonly serviceRequests?: boolean;
  /** Whether to play the demo projects and their approvals. @default true */
  readonly projects?: boolean;
  /** Whether to load the history behind the article's figures (10,000+ records). @default true with the requests */
  readonly history?: boolean;
}


const HOUR_MS = 60 * 60 * 1000;
/** Stories played at once while seeding. */
const PARALLEL_STORIES = 6;
const DAY_MS = 24 * HOUR_MS;

/**
 * Loads the demo data set through the services, so checks, counters, guards and audit events
 * are as real writes make them. Seeds only a table without stations (the first start). Requests,
 * projects and approvals are played step by step on a simulated clock, so their timestamps tell
 * their story; then the sweeper runs once, as of the day the data is loaded.
 */
export async function seedDemoData(application: Application, options: SeedOptions = {}): Promise<SeedResult> {
  const today = options.today ?? new Date();
  let now = today;
  const scope = new RequestScope(SEED_VIEWER, 'seed', () => now);
  const services = createServices(application.stores, application.cursors, scope, application.config);
  if ((await services.stations.count({})) > 0) {
    return { seeded: false, stations: 0, enterprises: 0, serviceRequests: 0, projects: 0, approvals: 0, history: { enterprises: 0, serviceRequests: 0 } };
  }
  const stationIds = new Map<string, string>();
  for (const station of demoStations) {
    stationIds.set(station.code, (await services.stations.create(station)).id);
  }
  const enterpriseIds = new Map<string, string>();
  for (const { stationCode, ...enterprise } of demoEnterprises) {
    enterpriseIds.set(enterprise.name, (await services.enterprises.create({ ...enterprise, stationId: stationIds.get(stationCode) })).id);
  }
  const idOf = (ids: Map<string, string>, key: string | null | undefined): string | null => {
    if (!key) return null;
    const id = ids.get(key);
    if (!id) throw new Error(`The demo requests name ${key}, which the demo data lacks`);
    return id;
  };
  const stories = options.serviceRequests === false ? [] : demoRequests;
  // Recorded in the order they came in, so numbers follow receipt; then each story plays out on
  // a clock of its own, several at a time (they are independent, and DynamoDB Local is slow).
  const played = stories
    .map((story) => ({ story, receivedAt: 'at' in story.received ? story.received.at : new Date(today.getTime() - story.received.daysAgo * DAY_MS).toISOString() }))
    .sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  const created: { id: string; version: number }[] = [];
  for (const { story, receivedAt } of played) {
    now = new Date(Date.parse(receivedAt) + HOUR_MS / 6);
    created.push(await services.serviceRequests.create(requestInput(story, receivedAt, idOf(stationIds, story.stationCode), idOf(enterpriseIds, story.enterpriseName))));
  }
  await inParallel(PARALLEL_STORIES, played, async ({ story }, index) => {
    let clock = new Date(Date.parse(played[index]!.receivedAt) + HOUR_MS / 6);
    const storyServices = createServices(application.stores, application.cursors, new RequestScope(SEED_VIEWER, 'seed', () => clock), application.config);
    let request = created[index]!;
    for (const step of story.steps) {
      clock = new Date(clock.getTime() + step.after * HOUR_MS);
      const { after: _after, ...fields } = step;
      const stationCode = 'stationCode' in fields ? fields.stationCode : undefined;
      request = await storyServices.serviceRequests.transition({
        ...fields,
        id: request.id,
        expectedVersion: request.version,
        ...(stationCode ? { stationId: idOf(stationIds, stationCode) } : {}),
      });
    }
  });
  const projects = options.projects === false ? { projects: 0, approvals: 0 } : await seedProjects(application, today, enterpriseIds);
  const history =
    options.history ?? options.serviceRequests !== false ? await seedHistory(application, stationIds, today) : { enterprises: 0, serviceRequests: 0 };
  // What the sweeper would do on its first run: suspend approvals whose owed materials are overdue, remind overdue requests.
  await sweep(application, today, 'seed-sweep');
  return { seeded: true, stations: demoStations.length, enterprises: demoEnterprises.length, serviceRequests: stories.length, ...projects, history };
}

function requestInput(story: DemoRequest, receivedAt: string, stationId: string | null, enterpriseId: string | null) {
  return {
    channel: story.channel,
    category: story.category,
    appealType: story.appealType,
    title: story.title,
    description: story.description,
    stationId,
    enterpriseId,
    requester: story.requester,
    externalNumber: story.externalNumber,
    receivedAt,
    // A visit is recorded when it is made.
    visit: story.visit ? { ...story.visit, visitedAt: receivedAt } : null,
  };
}
