import DataLoader from 'dataloader';
import {
  availableActions,
  CreditStatus,
  EnterpriseStatus,
  enterpriseMachine,
  entityTypeOfCreditCode,
  normalizeCreditCode,
  Role,
  shanghaiDate,
  StationStatus,
  transitionBetween,
  validateCreditCode,
  type EnterpriseAction,
} from '@yizhan/shared';
import { hasRole, isParkWide, PHONE_ROLES } from '../auth/viewer';
import type { Page } from '../common/connection';
import type { CursorCodec } from '../common/cursor';
import { newId } from '../common/ids';
import { readPage } from '../common/listing';
import { assertExpectedVersion, changesOf, inputHash, nextVersion, plain } from '../common/records';
import { maskPhone, type PersonValue } from '../common/values';
import type { RequestScope } from '../context';
import { BadUserInputError, FailedPreconditionError, ForbiddenError, InvalidTransitionError, NotFoundError } from '../errors';
import type { StationRecord } from '../stations/station.model';
import type { StationService } from '../stations/station.service';
import type { EntityStore } from '../store/entity-store';
import { ExpressionBuilder } from '../store/expression';
import { counterKey, SEARCH_TEXT_ATTRIBUTE } from '../store/keys';
import type { ListPlan } from '../store/list';
import type { CreateEnterpriseInput, EnterpriseFilter, EnterpriseSort, UpdateEnterpriseInput } from './enterprise.input';
import { ENTERPRISE, ENTERPRISE_DEPENDENT_TYPES, perEnterpriseDimension, type EnterpriseRecord } from './enterprise.model';
import { ENTERPRISE_COLLECTION, enterpriseOrders, stationPartition, type EnterpriseOrder } from './enterprise.store';

const REQUIRED_FIELDS = [
  'creditCode', 'name', 'legalRepresentative', 'industry', 'stationId', 'address', 'establishedOn',
  'registeredCapital', 'employees', 'tags', 'creditStatus', 'status', 'registeredViaStation',
];

const SORTS: Record<EnterpriseSort, [EnterpriseOrder, boolean]> = {
  NAME_ASC: ['name', true],
  NAME_DESC: ['name', false],
  CREATED_ASC: ['created', true],
  CREATED_DESC: ['created', false],
  ESTABLISHED_ASC: ['established', true],
  ESTABLISHED_DESC: ['established', false],
};

/** What part of the park's enterprises a list reads. */
type Reach = { kind: 'all' } | { kind: 'stations'; stationIds: string[] } | { kind: 'one'; enterprise: EnterpriseRecord } | { kind: 'none' };

/**
 * Enterprises: park-wide roles see all; STAFF the enterprises of their stations; an ENTERPRISE
 * user its own. Records outside the viewer's scope do not exist for them (NOT_FOUND).
 */
export class EnterpriseService {
  /** Batches the enterprise lookups of one request (e.g. `ServiceRequest.enterprise` on a page). */
  private readonly loader: DataLoader<string, EnterpriseRecord | undefined>;
  /** Batches counter reads (e.g. `Station.enterpriseCount` over a page of stations). */
  private readonly counterLoader: DataLoader<string, number>;

  constructor(
    private readonly enterprises: EntityStore<EnterpriseRecord>,
    private readonly stations: StationService,
    private readonly cursors: CursorCodec,
    private readonly scope: RequestScope,
  ) {
    this.loader = new DataLoader((ids) => this.enterprises.getMany(ids));
    this.counterLoader = new DataLoader((dimensions) => this.enterprises.counters(dimensions));
  }

  /** An enterprise the viewer may see, batched with the request's other lookups. */
  async load(id: string): Promise<EnterpriseRecord | undefined> {
    const enterprise = await this.loader.load(id);
    return enterprise && this.canSee(enterprise) ? enterprise : undefined;
  }

  canSee(enterprise: EnterpriseRecord): boolean {
    const viewer = this.scope.viewer;
    if (!viewer) return false;
    if (isParkWide(viewer)) return true;
    if (hasRole(viewer, Role.STAFF) && viewer.stationIds.includes(enterprise.stationId)) return true;
    return hasRole(viewer, Role.ENTERPRISE) && viewer.enterpriseId === enterprise.id;
  }

  async get(id: string): Promise<EnterpriseRecord> {
    const enterprise = await this.enterprises.get(id);
    if (!enterprise || !this.canSee(enterprise)) throw new NotFoundError(ENTERPRISE, id);
    return enterprise;
  }

  async getByCreditCode(creditCode: string): Promise<EnterpriseRecord> {
    const code = normalizeCreditCode(creditCode);
    const validation = validateCreditCode(code);
    if (!validation.valid) {
      throw BadUserInputError.field('creditCode', `creditCode is not a valid Unified Social Credit Code: ${validation.reason}`);
    }
    const id = await this.enterprises.idByUnique('creditCode', code);
    const enterprise = id ? await this.enterprises.get(id) : undefined;
    if (!enterprise || !this.canSee(enterprise)) throw new NotFoundError(ENTERPRISE, code);
    return enterprise;
  }

  async list(filter: EnterpriseFilter | undefined, sort: EnterpriseSort, first: number, after: string | null | undefined): Promise<Page<EnterpriseRecord>> {
    const reach = await this.reach(filter?.stationId ?? undefined);
    if (reach.kind === 'none') return { nodes: [], cursors: [], hasNextPage: false, endCursor: null, countTotal: async () => 0 };
    const [order, ascending] = SORTS[sort];
    const conditions = new ExpressionBuilder();
    if (filter?.status) conditions.equals('status', filter.status);
    if (filter?.creditStatus) conditions.equals('creditStatus', filter.creditStatus);
    if (filter?.tag) conditions.contains('tags', filter.tag);
    const q = filter?.q?.trim().toLowerCase();
    if (q) conditions.contains(SEARCH_TEXT_ATTRIBUTE, q);
    if (filter?.registeredFrom) conditions.atLeast('establishedOn', filter.registeredFrom);
    if (filter?.registeredTo) conditions.atMost('establishedOn', filter.registeredTo);

    let plan: ListPlan;
    if (reach.kind === 'one') {
      conditions.equals('id', reach.enterprise.id);
      plan = { index: enterpriseOrders[order].station, partition: stationPartition(reach.enterprise.stationId), ascending, filter: conditions.build() };
    } else if (reach.kind === 'stations' && reach.stationIds.length === 1) {
      plan = { index: enterpriseOrders[order].station, partition: stationPartition(reach.stationIds[0]!), ascending, filter: conditions.build() };
    } else {
      if (reach.kind === 'stations') conditions.in('stationId', reach.stationIds);
      plan = { index: enterpriseOrders[order].collection, partition: ENTERPRISE_COLLECTION, ascending, filter: conditions.build() };
    }
    const facet = this.counterFacet(filter, q);
    const countTotal = async (): Promise<number> => {
      if (facet === null || reach.kind === 'one') return this.enterprises.count(plan);
      if (reach.kind === 'all') return this.enterprises.counter(facet === '' ? 'all' : facet);
      const counts = await Promise.all(
        reach.stationIds.map((stationId) => this.counterLoader.load(facet === '' ? `station=${stationId}` : `station=${stationId}|${facet}`)),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    };
    return readPage(this.enterprises, this.cursors, {
      plan,
      first,
      after,
      identity: ['enterprises', reach.kind === 'one' ? reach.enterprise.id : reach.kind === 'stations' ? reach.stationIds : 'all', filter ?? null, sort],
      countTotal,
    });
  }

  async create(input: CreateEnterpriseInput): Promise<EnterpriseRecord> {
    const data = plain(input);
    const station = await this.assignableStation(data.stationId!);
    const at = this.scope.now();
    const creditCode = normalizeCreditCode(data.creditCode!);
    this.assertNotInFuture(data.establishedOn!, at);
    const enterprise: EnterpriseRecord = {
      id: newId(),
      version: 1,
      createdAt: at,
      updatedAt: at,
      creditCode,
      name: data.name!.trim(),
      legalRepresentative: data.legalRepresentative!.trim(),
      entityType: entityTypeOfCreditCode(creditCode),
      industry: data.industry!.trim(),
      stationId: station.id,
      address: data.address!.trim(),
      establishedOn: data.establishedOn!,
      registeredCapital: data.registeredCapital!,
      employees: data.employees!,
      tags: data.tags!,
      creditStatus: data.creditStatus ?? CreditStatus.NORMAL,
      status: EnterpriseStatus.ACTIVE,
      registeredViaStation: data.registeredViaStation ?? false,
      steward: data.steward ?? null,
      contact: data.contact ?? null,
    };
    const claim = data.clientRequestId
      ? { actorId: this.scope.actor().id, clientRequestId: data.clientRequestId, inputHash: inputHash(data) }
      : undefined;
    return this.enterprises.create(enterprise, this.scope.write('createEnterprise', at), claim);
  }

  async update(input: UpdateEnterpriseInput): Promise<EnterpriseRecord> {
    const before = await this.editable(input.id);
    assertExpectedVersion(ENTERPRISE, before, input.expectedVersion);
    const changes = changesOf(plain(input), REQUIRED_FIELDS) as Record<string, unknown>;
    const at = this.scope.now();
    if (typeof changes.creditCode === 'string') {
      changes.creditCode = normalizeCreditCode(changes.creditCode);
      changes.entityType = entityTypeOfCreditCode(changes.creditCode as string);
    }
    if (typeof changes.stationId === 'string' && changes.stationId !== before.stationId) {
      await this.assignableStation(changes.stationId);
    }
    if (typeof changes.establishedOn === 'string') this.assertNotInFuture(changes.establishedOn, at);
    for (const field of ['name', 'legalRepresentative', 'industry', 'address'] as const) {
      if (typeof changes[field] === 'string') changes[field] = (changes[field] as string).trim();
    }
    const status = changes.status as EnterpriseStatus | undefined;
    if (status && status !== before.status) {
      const transition = transitionBetween(enterpriseMachine, before.status, status);
      if (!transition || !transition.roles.some((role) => this.scope.roles.includes(role))) {
        throw new InvalidTransitionError(`An enterprise cannot go from ${before.status} to ${status}.`, this.availableActions(before));
      }
    }
    const after = nextVersion(before, changes as Partial<EnterpriseRecord>, at);
    return this.enterprises.replace(before, after, this.scope.write('updateEnterprise', at));
  }

  /** Deletes an enterprise that nothing refers to; returns it as it was. */
  async delete(id: string, expectedVersion: number): Promise<EnterpriseRecord> {
    const before = await this.editable(id);
    assertExpectedVersion(ENTERPRISE, before, expectedVersion);
    await this.enterprises.remove(before, this.scope.write('deleteEnterprise'), (transaction) => {
      for (const dependentType of ENTERPRISE_DEPENDENT_TYPES) {
        transaction.check(counterKey(dependentType, perEnterpriseDimension(id)), {
          condition: 'attribute_not_exists(#count) OR #count = :zero',
          names: { '#count': 'count' },
          values: { ':zero': 0 },
          onConditionFailed: () =>
            new FailedPreconditionError(`${before.name} still has service requests, projects or approvals and cannot be deleted.`, {
              dependentType,
            }),
        });
      }
    });
    return before;
  }

  availableActions(enterprise: EnterpriseRecord): EnterpriseAction[] {
    if (!this.canEdit(enterprise)) return [];
    return availableActions(enterpriseMachine, enterprise.status, this.scope.roles);
  }

  /** A contact as this viewer may see it: phones masked for roles that do not call people. */
  present(person: PersonValue | null): PersonValue | null {
    if (!person) return null;
    return hasRole(this.scope.viewer, ...PHONE_ROLES) ? person : { name: person.name, phone: maskPhone(person.phone) };
  }

  /** Enterprises of one station the viewer may list (for `Station.enterprises`). */
  async countForStation(stationId: string): Promise<number> {
    const reach = await this.reach(stationId);
    return reach.kind === 'stations' ? this.counterLoader.load(`station=${stationId}`) : reach.kind === 'one' ? 1 : 0;
  }

  private canEdit(enterprise: EnterpriseRecord): boolean {
    const viewer = this.scope.viewer;
    if (hasRole(viewer, Role.ADMIN)) return true;
    return hasRole(viewer, Role.STAFF) && viewer!.stationIds.includes(enterprise.stationId);
  }

  private async editable(id: string): Promise<EnterpriseRecord> {
    const enterprise = await this.get(id);
    if (!this.canEdit(enterprise)) throw new ForbiddenError('Only administrators and the staff of its station may change this enterprise.');
    return enterprise;
  }

  private async assignableStation(stationId: string): Promise<StationRecord> {
    const viewer = this.scope.viewer!;
    if (!hasRole(viewer, Role.ADMIN) && !viewer.stationIds.includes(stationId)) {
      throw new ForbiddenError('You can only register enterprises with your own stations.');
    }
    const station = await this.stations.load(stationId);
    if (!station) throw BadUserInputError.field('stationId', `There is no station with id ${stationId}.`);
    if (station.status === StationStatus.CLOSED) {
      throw BadUserInputError.field('stationId', `Station ${station.code} is closed and takes no enterprises.`);
    }
    return station;
  }

  private assertNotInFuture(date: string, at: string): void {
    if (date > shanghaiDate(new Date(at))) {
      throw BadUserInputError.field('establishedOn', 'establishedOn cannot be in the future.');
    }
  }

  /** The enterprises a list may read, narrowed by an optional station filter. */
  private async reach(stationId: string | undefined): Promise<Reach> {
    const viewer = this.scope.viewer;
    if (!viewer) return { kind: 'none' };
    if (isParkWide(viewer)) return stationId ? { kind: 'stations', stationIds: [stationId] } : { kind: 'all' };
    if (hasRole(viewer, Role.STAFF)) {
      const stationIds = stationId ? viewer.stationIds.filter((id) => id === stationId) : [...viewer.stationIds];
      return stationIds.length > 0 ? { kind: 'stations', stationIds } : { kind: 'none' };
    }
    if (hasRole(viewer, Role.ENTERPRISE) && viewer.enterpriseId) {
      const own = await this.loader.load(viewer.enterpriseId);
      if (!own || (stationId && own.stationId !== stationId)) return { kind: 'none' };
      return { kind: 'one', enterprise: own };
    }
    return { kind: 'none' };
  }

  /**
   * The counter facet that gives this filter's exact total, '' for no facet, or null when the
   * filter combines conditions no counter covers (then the total is counted by a Query).
   */
  private counterFacet(filter: EnterpriseFilter | undefined, q: string | undefined): string | null {
    if (q || filter?.registeredFrom || filter?.registeredTo) return null;
    const facets = [
      filter?.status ? `status=${filter.status}` : null,
      filter?.creditStatus ? `credit=${filter.creditStatus}` : null,
      filter?.tag ? `tag=${filter.tag}` : null,
    ].filter((facet): facet is string => facet !== null);
    if (facets.length > 1) return null;
    return facets[0] ?? '';
  }
}
