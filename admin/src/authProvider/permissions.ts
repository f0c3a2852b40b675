import { type AnyEntity, approvalEntity, enterpriseEntity, HISTORY_READERS, projectEntity, Role, serviceRequestEntity, stationEntity } from '@yizhan/shared';

/** What the console knows of the signed-in user, read from the access token's claims. */
export interface Permissions {
  readonly username: string;
  readonly roles: readonly Role[];
  /** The stations of station staff (their row scope). */
  readonly stationIds: readonly string[];
}

const knownRoles = new Set<string>(Object.values(Role));

/** Decodes a JWT's payload (the console only reads it; the API verifies the signature). */
function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split('.')[1] ?? '';
  const base64 = part.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(part.length / 4) * 4, '=');
  const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
}

/** Permissions from the claims the API reads too: Cognito groups are roles, station ids a comma-separated custom attribute. */
export function permissionsFromToken(token: string): Permissions {
  const payload = decodeJwtPayload(token);
  const groups = Array.isArray(payload['cognito:groups']) ? payload['cognito:groups'] : [];
  const stations = typeof payload['custom:stationIds'] === 'string' ? payload['custom:stationIds'] : '';
  return {
    username: typeof payload.username === 'string' ? payload.username : String(payload.sub ?? ''),
    roles: groups.filter((group): group is Role => typeof group === 'string' && knownRoles.has(group)),
    stationIds: stations.split(',').filter((id) => id !== ''),
  };
}

const entities: Readonly<Record<string, AnyEntity>> = Object.fromEntries(
  [stationEntity, enterpriseEntity, serviceRequestEntity, projectEntity, approvalEntity].map((entity) => [entity.plural, entity]),
);

/** The dashboard's page: everyone signed in but an enterprise's user (the API answers each role the parts it may see). */
const DASHBOARD = 'dashboard';

/** Pages only administrators use. */
const ADMIN_PAGES = new Set(['auditEvents', 'calendar']);

function hasAny(permissions: Permissions, roles: readonly Role[]): boolean {
  return permissions.roles.some((role) => roles.includes(role));
}

/** Whether a record lies in the user's row scope for writing (station staff: their stations' records). */
function inScope(entity: AnyEntity, permissions: Permissions, record: Record<string, unknown> | undefined): boolean {
  if (!record || permissions.roles.includes(Role.ADMIN) || !permissions.roles.includes(Role.STAFF)) return true;
  const stationField = entity.scope.station;
  return !stationField || permissions.stationIds.includes(String(record[stationField]));
}

/**
 * Whether the user may take an action on a resource (react-admin's `canAccess`): menus and
 * buttons follow it. The API decides in the end; this only hides what would be refused.
 * Actions: list, show, create, edit, delete, export, import, transition, history.
 */
export function canAccess(permissions: Permissions, action: string, resource: string, record?: Record<string, unknown>): boolean {
  if (ADMIN_PAGES.has(resource)) return permissions.roles.includes(Role.ADMIN);
  if (resource === DASHBOARD) return permissions.roles.some((role) => role !== Role.ENTERPRISE);
  const entity = entities[resource];
  if (!entity) return false;
  switch (action) {
    case 'list':
    case 'show':
    case 'export':
      return permissions.roles.length > 0;
    case 'history':
      return hasAny(permissions, HISTORY_READERS);
    case 'create':
    case 'import':
      return hasAny(permissions, entity.access.create ?? entity.access.write);
    case 'edit':
    case 'transition':
      return hasAny(permissions, entity.access.write) && inScope(entity, permissions, record);
    case 'delete':
      return hasAny(permissions, entity.access.delete ?? []) && inScope(entity, permissions, record);
    default:
      return false;
  }
}
