import DataLoader from 'dataloader';
import {
  availableActions,
  Role,
  StationStatus,
  stationMachine,
  transitionBetween,
  type IndexDefinition,
  type StationAction,
} from '@yizhan/shared';
import type { Page } from '../common/connection';
import type { CursorCodec } from '../common/cursor';
import { newId } from '../common/ids';
import { readPage } from '../common/listing';
import { assertExpectedVersion, changesOf, inputHash, nextVersion, plain } from '../common/records';
import type { RequestScope } from '../context';
import { FailedPreconditionError, InvalidTransitionError, NotFoundError } from '../errors';
import type { EntityStore } from '../store/entity-store';
import { ExpressionBuilder } from '../store/expression';
import { SEARCH_TEXT_ATTRIBUTE } from '../store/keys';
import type { ListPlan } from '../store/list';
import type { CreateStationInput, StationFilter, StationSort, UpdateStationInput } from './station.input';
import { STATION, type StationRecord } from './station.model';
import { stationOrders } from './station.store';

const SORTS: Record<StationSort, readonly [IndexDefinition, boolean]> = {
  CODE_ASC: [stationOrders.code, true],
  CODE_DESC: [stationOrders.code, false],
  NAME_ASC: [stationOrders.name, true],
  NAME_DESC: [stationOrders.name, false],
  OPENED_ASC: [stationOrders.openedOn, true],
  OPENED_DESC: [stationOrders.openedOn, false],
};

const REQUIRED_FIELDS = ['code', 'name', 'park', 'address', 'phone', 'openingHours', 'openedOn', 'serviceCategories', 'status'];

/** Stations: anyone may see active ones; only administrators create and change them. */
export class StationService {
  /** Batches the station lookups of one request (e.g. `Enterprise.station` on a page). */
  private readonly loader: DataLoader<string, StationRecord | undefined>;

  constructor(
    private readonly stations: EntityStore<StationRecord>,
    private readonly cursors: CursorCodec,
    private readonly scope: RequestScope,
  ) {
    this.loader = new DataLoader((ids) => this.stations.getMany(ids));
  }

  /** A station the viewer may see, batched with the request's other lookups. */
  async load(id: string): Promise<StationRecord | undefined> {
    const station = await this.loader.load(id);
    return station && this.canSee(station) ? station : undefined;
  }

  /** A station the viewer may see: anonymous callers see only ACTIVE ones. */
  async get(id: string): Promise<StationRecord> {
    const station = await this.stations.get(id);
    if (!station || !this.canSee(station)) throw new NotFoundError(STATION, id);
    return station;
  }

  async getByCode(code: string): Promise<StationRecord | undefined> {
    const id = await this.stations.idByUnique('code', code);
    return id ? this.stations.get(id) : undefined;
  }

  canSee(station: StationRecord): boolean {
    return this.scope.viewer !== null || station.status === StationStatus.ACTIVE;
  }

  async list(filter: StationFilter | undefined, sort: StationSort, first: number, after: string | null | undefined): Promise<Page<StationRecord>> {
    const status = this.scope.viewer ? filter?.status : StationStatus.ACTIVE;
    if (!this.scope.viewer && filter?.status && filter.status !== StationStatus.ACTIVE) {
      return { nodes: [], cursors: [], hasNextPage: false, endCursor: null, countTotal: async () => 0 };
    }
    const conditions = new ExpressionBuilder();
    if (status) conditions.equals('status', status);
    if (filter?.serviceCategory) conditions.contains('serviceCategories', filter.serviceCategory);
    const q = filter?.q?.trim().toLowerCase();
    if (q) conditions.contains(SEARCH_TEXT_ATTRIBUTE, q);
    const [index, ascending] = SORTS[sort];
    const plan: ListPlan = { index, partition: STATION, ascending, filter: conditions.build() };
    const countedByCounter = !filter?.serviceCategory && !q;
    return readPage(this.stations, this.cursors, {
      plan,
      first,
      after,
      identity: ['stations', status ?? null, filter?.serviceCategory ?? null, q ?? null, sort],
      countTotal: () => (countedByCounter ? this.stations.counter(status ? `status=${status}` : 'all') : this.stations.count(plan)),
    });
  }

  async create(input: CreateStationInput): Promise<StationRecord> {
    const at = this.scope.now();
    const data = plain(input);
    const station: StationRecord = {
      id: newId(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      code: data.code!,
      name: data.name!.trim(),
      park: data.park!.trim(),
      address: data.address!.trim(),
      phone: data.phone!,
      openingHours: data.openingHours!.trim(),
      openedOn: data.openedOn!,
      serviceCategories: data.serviceCategories!,
      location: data.location ?? null,
      description: data.description?.trim() ?? '',
      status: StationStatus.ACTIVE,
    };
    const claim = data.clientRequestId
      ? { actorId: this.scope.actor().id, clientRequestId: data.clientRequestId, inputHash: inputHash(data) }
      : undefined;
    return this.stations.create(station, this.scope.write('createStation', at), claim);
  }

  async update(input: UpdateStationInput): Promise<StationRecord> {
    const before = await this.stations.getOrThrow(input.id);
    assertExpectedVersion(STATION, before, input.expectedVersion);
    const changes = changesOf(plain(input), REQUIRED_FIELDS) as { -readonly [K in keyof StationRecord]?: StationRecord[K] };
    if (before.status === StationStatus.CLOSED) {
      throw new FailedPreconditionError(`Station ${before.code} is closed and can no longer be changed.`);
    }
    if (changes.status && changes.status !== before.status) {
      const transition = transitionBetween(stationMachine, before.status, changes.status);
      if (!transition || !transition.roles.some((role) => this.scope.roles.includes(role))) {
        throw new InvalidTransitionError(
          `A station cannot go from ${before.status} to ${changes.status}.`,
          this.availableActions(before),
        );
      }
    }
    if (changes.description === null) changes.description = '';
    const at = this.scope.now();
    return this.stations.replace(before, nextVersion(before, changes, at), this.scope.write('updateStation', at));
  }

  availableActions(station: StationRecord): StationAction[] {
    return availableActions(stationMachine, station.status, this.scope.roles);
  }
}

/** Roles allowed to manage stations; kept here so resolvers and tests name the same list. */
export const STATION_MANAGERS = [Role.ADMIN] as const;
