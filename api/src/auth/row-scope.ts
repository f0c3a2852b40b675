import { type AnyEntity, Role } from '@yizhan/shared';
import { hasRole, isParkWide, PARK_WIDE_ROLES, type Viewer } from './viewer';

/**
 * Row scope (docs/access.md), for every entity alike: park-wide roles see every record; station
 * staff see the records of their stations; an enterprise user sees its own enterprise's
 * records; anonymous callers see what the entity declares public. A record outside the
 * caller's scope does not exist for them (NOT_FOUND), never FORBIDDEN.
 */

/** The part of an entity's records a caller may list. */
export type Reach =
  | { readonly kind: 'all' }
  | { readonly kind: 'public'; readonly status: readonly string[] }
  | { readonly kind: 'stations'; readonly stationIds: readonly string[] }
  | { readonly kind: 'enterprise'; readonly field: string; readonly enterpriseId: string }
  | { readonly kind: 'none' };

type AnyRecord = Readonly<Record<string, unknown>>;

export class RowScope {
  constructor(private readonly viewer: Viewer | null) {}

  /** What part of `entity`'s records the caller may list. */
  reach(entity: AnyEntity): Reach {
    const viewer = this.viewer;
    if (!viewer) return entity.publicWhen ? { kind: 'public', status: entity.publicWhen.status } : { kind: 'none' };
    if (isParkWide(viewer) || (!entity.scope.station && !entity.scope.enterprise)) return { kind: 'all' };
    if (hasRole(viewer, Role.STAFF) && entity.scope.station) {
      return viewer.stationIds.length > 0 ? { kind: 'stations', stationIds: viewer.stationIds } : { kind: 'none' };
    }
    if (hasRole(viewer, Role.ENTERPRISE) && entity.scope.enterprise && viewer.enterpriseId) {
      return { kind: 'enterprise', field: entity.scope.enterprise, enterpriseId: viewer.enterpriseId };
    }
    return { kind: 'none' };
  }

  /** Whether the caller may see `record`. */
  canRead(entity: AnyEntity, record: AnyRecord): boolean {
    return this.covers(this.reach(entity), entity, record);
  }

  /**
   * Whether the caller may change `record` (or create it with these values): their role must be
   * one of the entity's writers and the record inside their scope. Park administrators and other
   * park-wide writers reach every record; station staff the records of their stations.
   */
  canWrite(entity: AnyEntity, record: AnyRecord, writers: readonly Role[] = entity.access.write): boolean {
    const viewer = this.viewer;
    if (!viewer) return false;
    if (viewer.roles.some((role) => writers.includes(role) && PARK_WIDE_ROLES.includes(role))) return true;
    const station = entity.scope.station ? record[entity.scope.station] : undefined;
    if (writers.includes(Role.STAFF) && hasRole(viewer, Role.STAFF) && typeof station === 'string' && viewer.stationIds.includes(station)) {
      return true;
    }
    const enterprise = entity.scope.enterprise ? record[entity.scope.enterprise] : undefined;
    return writers.includes(Role.ENTERPRISE) && hasRole(viewer, Role.ENTERPRISE) && enterprise !== undefined && enterprise === viewer.enterpriseId;
  }

  private covers(reach: Reach, entity: AnyEntity, record: AnyRecord): boolean {
    switch (reach.kind) {
      case 'all':
        return true;
      case 'public':
        return reach.status.includes(String(record.status));
      case 'stations': {
        const station = entity.scope.station ? record[entity.scope.station] : undefined;
        return typeof station === 'string' && reach.stationIds.includes(station);
      }
      case 'enterprise':
        return record[reach.field] === reach.enterpriseId;
      case 'none':
        return false;
    }
  }
}

/** Describes who reads an entity's records, for the API reference. */
export function describeReaders(entity: AnyEntity): string {
  const scoped = [
    entity.scope.station ? 'STAFF the records of their stations' : undefined,
    entity.scope.enterprise ? 'an ENTERPRISE user those of its own enterprise' : undefined,
  ].filter((text): text is string => text !== undefined);
  const signedIn = scoped.length > 0 ? `ADMIN, OFFICER, OPERATOR and VIEWER read all; ${scoped.join('; ')}` : 'every signed-in user reads all';
  const anonymous = entity.publicWhen ? `Anonymous callers read those in status ${entity.publicWhen.status.join(' or ')}` : 'Sign-in required';
  return `${anonymous}; ${signedIn}.`;
}
