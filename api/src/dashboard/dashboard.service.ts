import {
  addTotals,
  approvalFigures,
  hotlineFigures,
  type MetricTotals,
  NO_STATION,
  Role,
  stationFigures,
} from '@yizhan/shared';
import { BadUserInputError, ForbiddenError } from '../errors';
import type { RequestScope } from '../request-scope';
import type { StationRecord, StationService } from '../stations/station.service';
import { type AggregateReader, monthsOf, type Sums } from '../store/aggregates';
import type { RecordStore } from '../store/entity-store';
import type { ApprovalFigures, Dashboard, HotlineFigures, StationFigures } from './dashboard.type';

/** The three parts of the dashboard. */
type Part = 'stations' | 'approvals' | 'hotline';

/**
 * Who sees each part across the park. Station staff see every part, for their stations only;
 * enterprise users see none.
 */
const parkWideReaders: Readonly<Record<Part, readonly Role[]>> = {
  stations: [Role.ADMIN, Role.VIEWER],
  approvals: [Role.ADMIN, Role.VIEWER, Role.OFFICER],
  hotline: [Role.ADMIN, Role.VIEWER, Role.OPERATOR],
};

/** The longest period one dashboard covers; its cost grows with the months it spans. */
const MAX_PERIOD_YEARS = 10;

/**
 * The dashboard (docs/dashboard.md): figures of a period from the aggregate items, whose cost
 * depends on the months and stations covered, never on the number of records.
 */
export class DashboardService {
  /** Reads of one request, by scopes (parts that cover the same stations share one read). */
  private readonly reads = new Map<string, Promise<Map<string, Sums>>>();
  private stationIds: Promise<string[]> | undefined;

  constructor(
    private readonly aggregates: AggregateReader,
    private readonly stationStore: RecordStore<StationRecord>,
    private readonly stations: StationService,
    private readonly scope: RequestScope,
  ) {}

  /** Checks the period and the station: NOT_FOUND when there is none, FORBIDDEN for another station's staff. */
  async period(from: string, to: string, stationId: string | null): Promise<Dashboard> {
    if (from > to) throw BadUserInputError.field('to', `The period must end on or after its start (${from}), not ${to}.`);
    if (Number(to.slice(0, 4)) - Number(from.slice(0, 4)) >= MAX_PERIOD_YEARS) {
      throw BadUserInputError.field('from', `A dashboard covers at most ${MAX_PERIOD_YEARS} calendar years.`);
    }
    if (stationId) {
      await this.stations.get(stationId);
      const viewer = this.scope.viewer;
      const parkWide = viewer?.roles.some((role) => Object.values(parkWideReaders).some((readers) => readers.includes(role)));
      if (!parkWide && !viewer?.stationIds.includes(stationId)) throw new ForbiddenError('Station staff see the figures of their own stations only.');
    }
    return { from, to, stationId };
  }

  async stationFigures(dashboard: Dashboard): Promise<StationFigures> {
    const { total, months } = await this.read('stations', dashboard);
    return { ...stationFigures(total), monthly: months.map(({ month, sums }) => ({ month, ...stationFigures(sums) })) } as StationFigures;
  }

  async approvalFigures(dashboard: Dashboard): Promise<ApprovalFigures> {
    const { total, months } = await this.read('approvals', dashboard);
    return {
      ...approvalFigures(total),
      monthly: months.map(({ month, sums }) => {
        const figures = approvalFigures(sums);
        return { month, accepted: figures.accepted, tolerantAccepted: figures.tolerantAccepted, decided: figures.decided, averageWorkingDays: figures.averageWorkingDays };
      }),
    } as ApprovalFigures;
  }

  async hotlineFigures(dashboard: Dashboard): Promise<HotlineFigures> {
    const { total, months } = await this.read('hotline', dashboard);
    return {
      ...hotlineFigures(total),
      monthly: months.map(({ month, sums }) => {
        const figures = hotlineFigures(sums);
        return { month, received: figures.received, onTimeRate: figures.onTimeRate, callbackRate: figures.callbackRate, satisfactionRate: figures.satisfactionRate };
      }),
    };
  }

  /** The sums of a part over the period, in total and per month (every month of the period). */
  private async read(part: Part, { from, to, stationId }: Dashboard): Promise<{ total: MetricTotals; months: { month: string; sums: MetricTotals }[] }> {
    const scopes = await this.scopesOf(part, stationId);
    const key = scopes.join(',');
    let read = this.reads.get(key);
    if (!read) {
      read = this.aggregates.monthly(scopes, from, to);
      this.reads.set(key, read);
    }
    const byMonth = await read;
    const total: Record<string, number> = {};
    const months = monthsOf(from, to).map((month) => {
      const sums = byMonth.get(month) ?? {};
      addTotals(total, sums);
      return { month, sums };
    });
    return { total, months };
  }

  /** The stations whose figures the viewer may see in a part. */
  private async scopesOf(part: Part, stationId: string | null): Promise<string[]> {
    const viewer = this.scope.viewer;
    if (viewer?.roles.some((role) => parkWideReaders[part].includes(role))) {
      if (stationId) return [stationId];
      this.stationIds ??= this.allStationIds();
      return [...(await this.stationIds), NO_STATION];
    }
    if (viewer?.roles.includes(Role.STAFF)) {
      if (!stationId) return [...viewer.stationIds].sort();
      if (viewer.stationIds.includes(stationId)) return [stationId];
    }
    throw new ForbiddenError(`Your role does not allow the ${part} figures.`);
  }

  private async allStationIds(): Promise<string[]> {
    const ids: string[] = [];
    for await (const stations of this.stationStore.all()) ids.push(...stations.map((station) => station.id));
    return ids.sort();
  }
}
