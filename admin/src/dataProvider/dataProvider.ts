import { editableFields, type Fields } from '@yizhan/shared';
import type { DataProvider, GetListResult, HttpError, Identifier, RaRecord } from 'react-admin';
import { CursorBook } from './cursors';
import type { GraphqlClient } from './graphql';
import { AUDIT_EVENTS, auditEventSelection, filterValueOf, inputOf, type RecordResource, recordResources, recordSelection, sortValueOf } from './resources';

/** The most records the API returns in one page. */
const MAX_PAGE_SIZE = 100;

/** The most aliases the API accepts in one query: a getMany of more ids is split into requests of this many. */
const MAX_ALIASES = 20;

interface Connection {
  readonly nodes: RaRecord[];
  readonly totalCount: number;
  /** False when `totalCount` is a lower bound (a text search or range over a large list). */
  readonly totalCountIsExact: boolean;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
}

/** A status action of a record (the generic action button's call). */
interface TransitionParams {
  readonly id: Identifier;
  readonly action: string;
  readonly expectedVersion: number;
  /** The fields the action takes, and its note. */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** One day the administrators decided (a holiday on a weekday, a make-up working day on a weekend). */
interface CalendarOverride {
  readonly id: string;
  readonly date: string;
  readonly kind: 'HOLIDAY' | 'WORKDAY';
  readonly name: string | null;
  readonly version: number;
}

export interface WorkCalendar {
  readonly year: number;
  readonly provisional: boolean;
  readonly workingDayCount: number;
  readonly specialDays: readonly { date: string; kind: string; name: string | null; source: string; working: boolean }[];
  readonly overrides: readonly CalendarOverride[];
}

/** The first records of one of a record's related lists (e.g. an enterprise's service requests), and how many there are. */
export interface RelatedPage {
  readonly totalCount: number;
  readonly nodes: readonly RaRecord[];
}

const RATE = '{ value numerator denominator }';
const AVERAGE = '{ value sum count }';
const SPEED_UP = '{ value actualWorkingDays referenceWorkingDays }';

/** Every figure of the dashboard's three parts, with their monthly series (docs/dashboard.md). */
const DASHBOARD_SELECTION = `from to stationId
  stations { requestsReceived onsiteVisits problemsSolved jobsFilled financingAmount newRegistrations byChannel { channel count }
    monthly { month requestsReceived onsiteVisits problemsSolved jobsFilled } }
  approvals { accepted tolerantAccepted landFirstProjects decided averageWorkingDays ${AVERAGE} onTimeRate ${RATE} speedUpVsStatutory ${SPEED_UP}
    byStage { stage count } byMode { mode count }
    jointAcceptance { decided firstPassRate ${RATE} averageWorkingDays ${AVERAGE} speedUpVsPromised ${SPEED_UP} }
    monthly { month accepted decided tolerantAccepted } }
  hotline { received onTimeRate ${RATE} callbackRate ${RATE} satisfactionRate ${RATE} strictSatisfactionRate ${RATE} repeatRate ${RATE}
    averageHandlingWorkingDays ${AVERAGE} monthly { month received onTimeRate ${RATE} satisfactionRate ${RATE} } }`;

/** The dashboard's answer: each part null when the viewer may not see it. */
export interface DashboardFigures {
  readonly from: string;
  readonly to: string;
  readonly stationId: string | null;
  readonly stations: Record<string, unknown> | null;
  readonly approvals: Record<string, unknown> | null;
  readonly hotline: Record<string, unknown> | null;
}

/** Writes of a record besides update and its status actions (an approval's materials supplied, its joint checks recorded). */
type RecordCommand = 'supplyApprovalMaterials' | 'recordJointAcceptance';

/** react-admin's data provider plus the operations that are not CRUD: related lists, status actions and the calendar. */
export interface YizhanDataProvider extends DataProvider {
  /** `connection` of the record (a field of its GraphQL type), with the fields given; null when the viewer may not see it. */
  related(resource: string, id: Identifier, connection: string, fields: readonly string[], first: number): Promise<RelatedPage | null>;
  transition(resource: string, params: TransitionParams): Promise<{ data: RaRecord }>;
  /** `command` on the record at the version read, e.g. `supplyApprovalMaterials`; answers the record as it is now. */
  command(resource: string, command: RecordCommand, input: Record<string, unknown>): Promise<{ data: RaRecord }>;
  /** The KPIs of the days `from` to `to` (Asia/Shanghai), park-wide or for one station; parts the viewer may not see are null. */
  dashboard(from: string, to: string, stationId: string | null): Promise<DashboardFigures>;
  workCalendar(year: number): Promise<WorkCalendar>;
  setCalendarDay(input: { date: string; kind: string; name?: string | null; expectedVersion?: number }): Promise<CalendarOverride>;
  removeCalendarDay(input: { date: string; expectedVersion: number }): Promise<CalendarOverride>;
}

/**
 * The list's total for react-admin: the exact count, or none when the API's count is a lower
 * bound, so that react-admin pages by `pageInfo` ("1–25 of more than 25") instead of showing a
 * wrong total; `meta.totalAtLeast` keeps the bound.
 */
function totalOf(connection: Pick<Connection, 'totalCount' | 'totalCountIsExact'>): Pick<GetListResult, 'total' | 'meta'> {
  return connection.totalCountIsExact ? { total: connection.totalCount } : { total: undefined, meta: { totalAtLeast: connection.totalCount } };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

function recordResourceOf(resource: string): RecordResource {
  const found = recordResources[resource];
  if (!found) throw new Error(`Unknown resource ${resource}`);
  return found;
}

function changedValues(fields: Fields, data: Readonly<Record<string, unknown>>, previous: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(fields).filter((name) => name in data && JSON.stringify(data[name] ?? null) !== JSON.stringify(previous[name] ?? null)).map((name) => [name, data[name]]));
}

/**
 * Records cross this boundary untyped: react-admin's generic record type is its caller's claim,
 * so results are cast (`as never`) where react-admin's signatures are generic.
 *
 * The console's data provider over the GraphQL API: lists page by cursor with exact totals,
 * references load in one request, writes name the version they read.
 */
export function createDataProvider(client: GraphqlClient): YizhanDataProvider {
  const cursors = new CursorBook();

  async function readConnection(
    field: string,
    argumentTypes: string,
    variables: Record<string, unknown>,
    selection: string,
  ): Promise<Connection> {
    const declared = argumentTypes ? `, ${argumentTypes}` : '';
    const passed = Object.keys(variables)
      .filter((name) => name !== 'first' && name !== 'after')
      .map((name) => `, ${name}: $${name}`)
      .join('');
    const query = `query List($first: Int!, $after: String${declared}) { list: ${field}(first: $first, after: $after${passed}) { ${selection} } }`;
    return (await client.request<{ list: Connection }>(query, variables)).list;
  }

  /** Reads page `page` of a connection, walking forward from the nearest known page when the cursor is not known yet. */
  async function readPage(
    list: string,
    field: string,
    argumentTypes: string,
    args: Record<string, unknown>,
    page: number,
    perPage: number,
    nodeSelection: string,
  ): Promise<GetListResult> {
    let known = cursors.nearestKnown(list, page - 1);
    while (known.page < page - 1) {
      const pages = Math.min(page - 1 - known.page, Math.max(1, Math.floor(MAX_PAGE_SIZE / perPage)));
      const step = await readConnection(field, argumentTypes, { ...args, first: pages * perPage, after: known.endCursor }, 'totalCount totalCountIsExact pageInfo { hasNextPage endCursor }');
      if (!step.pageInfo.hasNextPage && known.page + pages < page - 1) {
        return { data: [], ...totalOf(step), pageInfo: { hasNextPage: false, hasPreviousPage: page > 1 } };
      }
      known = { page: known.page + pages, endCursor: step.pageInfo.endCursor };
      cursors.remember(list, known.page, known.endCursor);
    }
    const connection = await readConnection(
      field,
      argumentTypes,
      { ...args, first: perPage, after: known.endCursor },
      `totalCount totalCountIsExact pageInfo { hasNextPage endCursor } nodes { ${nodeSelection} }`,
    );
    cursors.remember(list, page, connection.pageInfo.endCursor);
    return { data: connection.nodes, ...totalOf(connection), pageInfo: { hasNextPage: connection.pageInfo.hasNextPage, hasPreviousPage: page > 1 } };
  }

  async function mutate(name: string, inputType: string, input: Record<string, unknown>, selection: string): Promise<RaRecord> {
    cursors.forgetAll();
    const query = `mutation Write($input: ${inputType}!) { result: ${name}(input: $input) { ${selection} } }`;
    return (await client.request<{ result: RaRecord }>(query, { input })).result;
  }

  async function getOneRecord(resource: string, id: Identifier): Promise<RaRecord> {
    const definition = recordResourceOf(resource);
    const field = lowerFirst(definition.entity.name);
    const selection = [recordSelection(definition), definition.detailSelection].filter(Boolean).join(' ');
    const query = `query One($id: ID!) { record: ${field}(id: $id) { ${selection} } }`;
    return (await client.request<{ record: RaRecord }>(query, { id })).record;
  }

  /** Records by id in one request (aliases), leaving out those out of reach. */
  async function getRecords(resource: string, ids: readonly Identifier[]): Promise<RaRecord[]> {
    const definition = recordResourceOf(resource);
    const field = lowerFirst(definition.entity.name);
    const selection = recordSelection(definition);
    const declarations = ids.map((_, index) => `$id${index}: ID!`).join(', ');
    const aliases = ids.map((_, index) => `r${index}: ${field}(id: $id${index}) { ${selection} }`).join(' ');
    const variables = Object.fromEntries(ids.map((id, index) => [`id${index}`, id]));
    // One record out of reach (deleted, or outside the viewer's scope) nulls the whole answer:
    // then read them one by one and leave out those that are gone.
    const outOfReach = (error: HttpError) => {
      if (error.status === 404 || error.status === 403) return null;
      throw error;
    };
    const batch = await client.requestPartial<Record<string, RaRecord | null>>(`query Many(${declarations}) { ${aliases} }`, variables).catch(outOfReach);
    if (batch?.data) return Object.values(batch.data).filter((record): record is RaRecord => record !== null);
    const records = await Promise.all(ids.map((id) => getOneRecord(resource, id).catch(outOfReach)));
    return records.filter((record): record is RaRecord => record !== null);
  }

  /** Reads more than one API page's worth (an export): consecutive pages of the largest size, from the start. */
  async function readMany(read: (page: number, perPage: number) => Promise<GetListResult>, wanted: number): Promise<GetListResult> {
    const records: RaRecord[] = [];
    let last: GetListResult | undefined;
    for (let page = 1; records.length < wanted; page += 1) {
      last = await read(page, MAX_PAGE_SIZE);
      records.push(...last.data);
      if (!last.pageInfo?.hasNextPage) break;
    }
    return { data: records.slice(0, wanted), total: last?.total ?? 0, pageInfo: { hasNextPage: records.length > wanted || Boolean(last?.pageInfo?.hasNextPage), hasPreviousPage: false } };
  }

  return {
    async getList(resource, params) {
      const page = params.pagination?.page ?? 1;
      const requested = params.pagination?.perPage ?? 25;
      if (requested > MAX_PAGE_SIZE && page === 1) return readMany((next, size) => this.getList(resource, { ...params, pagination: { page: next, perPage: size } }), requested);
      const perPage = Math.min(requested, MAX_PAGE_SIZE);
      if (resource === AUDIT_EVENTS) {
        const args = params.filter?.entityId ? { entityId: params.filter.entityId } : {};
        const list = JSON.stringify([resource, args, perPage]);
        return readPage(list, 'auditEvents', args.entityId ? '$entityId: ID' : '', args, page, perPage, auditEventSelection);
      }
      const definition = recordResourceOf(resource);
      const { entity } = definition;
      const args = { filter: filterValueOf(entity, params.filter ?? {}), sort: sortValueOf(entity, params.sort) };
      const list = JSON.stringify([resource, args, perPage]);
      return readPage(list, entity.plural, `$filter: ${entity.name}Filter, $sort: ${entity.name}Sort!`, args, page, perPage, recordSelection(definition));
    },

    async getOne(resource, params) {
      return { data: (await getOneRecord(resource, params.id)) as never };
    },

    async getMany(resource, params) {
      const ids = [...new Set(params.ids)];
      const chunks = Array.from({ length: Math.ceil(ids.length / MAX_ALIASES) }, (_, index) => ids.slice(index * MAX_ALIASES, (index + 1) * MAX_ALIASES));
      return { data: (await Promise.all(chunks.map((chunk) => getRecords(resource, chunk)))).flat() as never };
    },

    async getManyReference(resource, params) {
      return this.getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
    },

    async create(resource, params) {
      const { entity } = recordResourceOf(resource);
      const data = params.data as Record<string, unknown>;
      const input = { ...inputOf(entity.fields as Fields, data), ...(data.clientRequestId ? { clientRequestId: data.clientRequestId } : {}) };
      const created = await mutate(`create${entity.name}`, `Create${entity.name}Input`, input, recordSelection(recordResourceOf(resource)));
      return { data: created } as never;
    },

    async update(resource, params) {
      const definition = recordResourceOf(resource);
      const { entity } = definition;
      const fields = editableFields(entity);
      const changes = inputOf(fields, changedValues(fields, params.data, params.previousData));
      const input = { id: params.id, expectedVersion: params.previousData.version, ...changes };
      return { data: await mutate(`update${entity.name}`, `Update${entity.name}Input`, input, recordSelection(definition)) } as never;
    },

    async updateMany() {
      throw new Error('Records are updated one at a time, each at the version it was read.');
    },

    async delete(resource, params) {
      const definition = recordResourceOf(resource);
      const { entity } = definition;
      const input = { id: params.id, expectedVersion: params.previousData?.version };
      return { data: await mutate(`delete${entity.name}`, `Delete${entity.name}Input`, input, recordSelection(definition)) } as never;
    },

    async deleteMany() {
      throw new Error('Records are deleted one at a time, each at the version it was read.');
    },

    async related(resource, id, connection, fields, first) {
      const field = lowerFirst(recordResourceOf(resource).entity.name);
      const query = `query Related($id: ID!, $first: Int!) { record: ${field}(id: $id) { related: ${connection}(first: $first) { totalCount nodes { id ${fields.join(' ')} } } } }`;
      const { data } = await client.requestPartial<{ record: { related: RelatedPage | null } | null }>(query, { id, first });
      return data?.record?.related ?? null;
    },

    async transition(resource, params) {
      const definition = recordResourceOf(resource);
      const { entity } = definition;
      const input = { ...params.fields, id: params.id, expectedVersion: params.expectedVersion, action: params.action };
      return { data: await mutate(`transition${entity.name}`, `Transition${entity.name}Input`, input, recordSelection(definition)) };
    },

    async command(resource, command, input) {
      const definition = recordResourceOf(resource);
      const inputType = `${command.charAt(0).toUpperCase()}${command.slice(1)}Input`;
      return { data: await mutate(command, inputType, input, recordSelection(definition)) };
    },

    async dashboard(from, to, stationId) {
      const query = `query Dashboard($from: Date!, $to: Date!, $stationId: ID) { dashboard(from: $from, to: $to, stationId: $stationId) { ${DASHBOARD_SELECTION} } }`;
      // A part the viewer may not see is null with a FORBIDDEN error; the others still answer.
      const { data } = await client.requestPartial<{ dashboard: DashboardFigures }>(query, { from, to, stationId });
      return data!.dashboard;
    },

    async workCalendar(year) {
      const query = `query Calendar($year: Int!) { workCalendar(year: $year) { year provisional workingDayCount specialDays { date kind name source working } overrides { id date kind name version } } }`;
      return (await client.request<{ workCalendar: WorkCalendar }>(query, { year })).workCalendar;
    },

    async setCalendarDay(input) {
      return (await mutate('setCalendarDay', 'SetCalendarDayInput', input, 'id date kind name version')) as unknown as CalendarOverride;
    },

    async removeCalendarDay(input) {
      return (await mutate('removeCalendarDay', 'RemoveCalendarDayInput', input, 'id date kind name version')) as unknown as CalendarOverride;
    },
  };
}
