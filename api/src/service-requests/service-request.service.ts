import {
  deadline,
  dueWorkingDays,
  Escalation,
  isSatisfied,
  OPEN_SERVICE_REQUEST_STATES,
  REOPENS_TO_ESCALATE,
  Role,
  ServiceCategory,
  ServiceChannel,
  type ServiceLevels,
  ServiceRequestAction,
  ServiceRequestGuard,
  StationStatus,
  serviceRequestEntity,
  shanghaiDay,
} from '@yizhan/shared';
import { maskPhone } from '../auth/personal-data';
import type { CalendarService } from '../calendar/calendar.service';
import { type CreateCommand, type RecordRules, RecordService, type ServiceContext } from '../common/record-service';
import type { EnterpriseService } from '../enterprises/enterprise.service';
import { BadUserInputError } from '../errors';
import type { RequestScope } from '../request-scope';
import type { StationService } from '../stations/station.service';
import type { ServiceRequestRecord } from './service-request.model';
import type { ServiceRequestStore } from './service-request.store';

type Request = ServiceRequestRecord;
type Requester = Request['requester'];

/** What the rules of requests need besides the record. */
interface Dependencies {
  readonly store: ServiceRequestStore;
  readonly stations: StationService;
  readonly enterprises: EnterpriseService;
  readonly calendar: CalendarService;
  readonly levels: ServiceLevels;
  readonly scope: RequestScope;
}

/** Supervision levels in order; ESCALATE raises one. */
const escalations: readonly string[] = Object.values(Escalation);

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a requester can be called back at all. */
function reachable(requester: Requester): boolean {
  return Boolean(requester.phone) && !requester.anonymous;
}

function requireStation(stationId: string | null | undefined, channel: string | undefined): void {
  if ((channel === ServiceChannel.STATION || channel === ServiceChannel.ONSITE) && !stationId) {
    throw BadUserInputError.field('stationId', 'stationId is required for station services and on-site visits.');
  }
}

async function assertStationOpen(stations: StationService, stationId: string): Promise<void> {
  const station = await stations.load(stationId);
  if (!station) throw BadUserInputError.field('stationId', `There is no station with id ${stationId}.`);
  if (station.status === StationStatus.CLOSED) throw BadUserInputError.field('stationId', `Station ${station.code} is closed and takes no requests.`);
}

/** The rules of the request lifecycle (docs/domain.md), for the generic record path. */
function serviceRequestRules(deps: Dependencies): RecordRules<Request> {
  const { scope, levels } = deps;

  const guardHolds = (request: Request, guard: string): boolean => {
    const callback = request.callback;
    switch (guard) {
      case ServiceRequestGuard.notHotlineTicket:
        return request.channel !== ServiceChannel.HOTLINE;
      case ServiceRequestGuard.callbackSatisfiedOrUnreachable:
        // Nobody to call: the request closes on its reply. Reached: satisfied, or dissatisfied but
        // resolved (it closes, and counts as dissatisfied). Not reached: after the last attempt.
        if (!reachable(request.requester)) return true;
        if (!callback) return false;
        return callback.reached ? isSatisfied(callback.rating) || callback.resolved === true : callback.attempts >= levels.callbackAttempts;
      case ServiceRequestGuard.callbackDissatisfiedAndUnresolved:
        return Boolean(callback?.reached) && !isSatisfied(callback?.rating) && callback?.resolved === false;
      case ServiceRequestGuard.requesterReachable:
        return reachable(request.requester);
      case ServiceRequestGuard.escalationBelowTop:
        return request.escalation !== Escalation.ESCALATED;
      default:
        return false;
    }
  };

  const effectOf = async (before: Request, action: string, fields: Readonly<Record<string, unknown>>, at: Date): Promise<Partial<Request>> => {
    const now = at.toISOString();
    const note = typeof fields.note === 'string' ? fields.note : null;
    switch (action) {
      case ServiceRequestAction.DISPATCH: {
        const stationId = typeof fields.stationId === 'string' ? fields.stationId : before.stationId;
        if (stationId && stationId !== before.stationId) await assertStationOpen(deps.stations, stationId);
        return { assignedUnit: fields.assignedUnit as string, stationId, dispatchedAt: now };
      }
      case ServiceRequestAction.SIGN:
        return { signedAt: before.signedAt ?? now, assigneeId: scope.viewer?.id ?? null, clockStartedAt: before.clockStartedAt ?? now };
      case ServiceRequestAction.RETURN:
        return { returnCount: before.returnCount + 1 };
      case ServiceRequestAction.REPLY:
        return { reply: fields.reply as string, repliedAt: now, outcome: (fields.outcome as Request['outcome']) ?? before.outcome };
      case ServiceRequestAction.CALLBACK: {
        const reached = fields.reached === true;
        const missing = reached ? (['rating', 'resolved'] as const).filter((name) => fields[name] === null || fields[name] === undefined) : [];
        if (missing.length > 0) {
          throw new BadUserInputError(missing.map((name) => ({ field: name, message: `${name} is required when the requester was reached.` })));
        }
        return {
          callback: {
            attempts: (before.callback?.attempts ?? 0) + 1,
            reached,
            rating: reached ? (fields.rating as NonNullable<Request['callback']>['rating']) : null,
            resolved: reached ? (fields.resolved as boolean) : null,
            note,
            at: now,
          },
        };
      }
      case ServiceRequestAction.REOPEN: {
        const reopenCount = before.reopenCount + 1;
        return {
          reopenCount,
          clockStartedAt: now,
          callback: null,
          escalation: reopenCount >= REOPENS_TO_ESCALATE ? Escalation.ESCALATED : before.escalation,
        };
      }
      case ServiceRequestAction.CLOSE:
        return { closedAt: now };
      case ServiceRequestAction.EXTEND:
        return {
          extensions: [...before.extensions, { workingDays: fields.workingDays as number, reason: note ?? '', by: scope.viewer?.username ?? 'system', at: now }],
        };
      case ServiceRequestAction.ESCALATE:
        return { escalation: escalations[Math.min(escalations.indexOf(before.escalation) + 1, escalations.length - 1)] as Request['escalation'] };
      default:
        return {};
    }
  };

  const settleDeadline = async (request: Request, before: Request | undefined, at: Date): Promise<Request> => {
    let settled = request;
    if (!before) {
      const receivedAt = request.receivedAt ?? at.toISOString();
      settled = { ...settled, receivedAt, clockStartedAt: request.channel === ServiceChannel.HOTLINE ? null : receivedAt };
      settled = { ...settled, repeatOfId: await findRepeat(deps, settled) };
    }
    if (!settled.clockStartedAt) return { ...settled, dueAt: null, dueProvisional: false };
    // A deadline once computed stays put (later calendar overrides do not move it) until what it counts from changes.
    const unchanged = (field: 'clockStartedAt' | 'channel' | 'category' | 'extensions') => before !== undefined && before[field] === settled[field];
    if (unchanged('clockStartedAt') && unchanged('channel') && unchanged('category') && unchanged('extensions')) return settled;
    const started = settled.clockStartedAt;
    const extended = settled.extensions.filter((extension) => extension.at >= started).reduce((sum, extension) => sum + extension.workingDays, 0);
    const days = dueWorkingDays(settled.channel, settled.category, levels) + extended;
    const { dueAt, provisional } = deadline(started, days, await deps.calendar.calendar());
    return { ...settled, dueAt, dueProvisional: provisional };
  };

  /** The deadline, and the handling time once replied (fixed then, as the deadline is). */
  const settle = async (request: Request, before: Request | undefined, at: Date): Promise<Request> => {
    const settled = await settleDeadline(request, before, at);
    const { clockStartedAt, repliedAt } = settled;
    if (!repliedAt || !clockStartedAt || repliedAt < clockStartedAt) return { ...settled, handlingWorkingDays: null };
    if (before?.repliedAt === repliedAt && before.clockStartedAt === clockStartedAt && before.handlingWorkingDays !== null) return settled;
    const calendar = await deps.calendar.calendar();
    return { ...settled, handlingWorkingDays: calendar.workingDaysBetween(shanghaiDay(clockStartedAt), shanghaiDay(repliedAt)).days };
  };

  return {
    displayName: (request) => request.number,
    checkValues: async (values, before) => {
      const channel = values.channel ?? before?.channel;
      const stationId = 'stationId' in values ? values.stationId : before?.stationId;
      requireStation(stationId, channel);
      if (values.stationId && values.stationId !== before?.stationId) await assertStationOpen(deps.stations, values.stationId);
      if (values.enterpriseId && values.enterpriseId !== before?.enterpriseId && !(await deps.enterprises.load(values.enterpriseId))) {
        throw BadUserInputError.field('enterpriseId', `There is no enterprise with id ${values.enterpriseId}.`);
      }
    },
    mayWrite: (record) => {
      const roles = scope.roles;
      if (roles.includes(Role.ADMIN) || roles.includes(Role.STAFF)) return true;
      if (roles.includes(Role.OPERATOR) && record.channel === ServiceChannel.HOTLINE) return true;
      if (roles.includes(Role.OFFICER) && record.category === ServiceCategory.PROJECT_APPROVAL) return true;
      return roles.includes(Role.ENTERPRISE) && record.channel === ServiceChannel.ONLINE;
    },
    guardHolds,
    effectOf,
    settle,
  };
}

/** The most recent earlier request of the same requester phone or enterprise and category within the repeat window. */
async function findRepeat(deps: Dependencies, request: Request): Promise<string | null> {
  const received = Date.parse(request.receivedAt ?? '');
  const window = deps.levels.repeatWindowDays * DAY_MS;
  const candidates = (await deps.store.repeatCandidates(request))
    .filter((candidate) => candidate.requestId !== request.id && Math.abs(received - Date.parse(candidate.receivedAt)) <= window)
    .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
  return candidates[0]?.requestId ?? null;
}

/**
 * Service requests: station services, on-site visits, 12345 hotline tickets and online requests,
 * on one machine and a working-day clock. Operators work hotline tickets, station staff their
 * stations' requests, approval officers project-approval requests; enterprise users submit online
 * requests for their own enterprise and read theirs.
 */
export class ServiceRequestService extends RecordService<typeof serviceRequestEntity, Request> {
  constructor(store: ServiceRequestStore, dependencies: Omit<Dependencies, 'store' | 'scope'>, context: ServiceContext) {
    super(serviceRequestEntity, store, context, serviceRequestRules({ ...dependencies, store, scope: context.scope }));
  }

  /** An enterprise user's request is for its own enterprise unless it names it. */
  override create(command: CreateCommand): Promise<Request> {
    const viewer = this.context.scope.viewer;
    const enterpriseUser = viewer?.roles.length === 1 && viewer.roles[0] === Role.ENTERPRISE;
    return super.create(enterpriseUser ? { ...command, enterpriseId: command.enterpriseId ?? viewer.enterpriseId } : command);
  }

  /**
   * The sweeper's part: open requests past their deadline that nobody chased yet are raised to
   * REMINDED (催办). Read from the index of open requests by due time, so the work read is the
   * overdue requests, never the table. Idempotent: a reminded request is not reminded again.
   */
  async remindOverdue(): Promise<number> {
    const reminded = await this.sweepDue(
      { order: 'DUE', before: this.context.scope.now().toISOString(), conditions: [{ kind: 'equals', field: 'escalation', value: Escalation.NONE }] },
      'sweep',
      () => ({
        changes: { escalation: Escalation.REMINDED },
        audit: { transition: ServiceRequestAction.ESCALATE, note: 'Past its deadline: reminded by the sweeper.' },
      }),
    );
    return reminded.length;
  }

  /** Open and past its deadline, as of now. */
  overdue(request: Request): boolean {
    return OPEN_SERVICE_REQUEST_STATES.includes(request.status) && request.dueAt !== null && this.context.scope.now().toISOString() > request.dueAt;
  }

  /** The requester as this viewer may see them: the phone only for those who handle the request, or the enterprise itself. */
  requester(request: Request): Requester {
    const viewer = this.context.scope.viewer;
    const own = viewer?.enterpriseId !== null && viewer?.enterpriseId === request.enterpriseId;
    if (!request.requester.phone || own || this.canWrite(request)) return request.requester;
    return { ...request.requester, phone: maskPhone(request.requester.phone) };
  }
}
