import { Role } from '@yizhan/shared';
import { hasRole } from '../auth/viewer';
import { type CursorCodec, fingerprint } from '../common/cursor';
import { edgeCursor } from '../common/listing';
import type { Page, Paging } from '../common/page';
import { ForbiddenError, NotFoundError } from '../errors';
import type { RequestScope } from '../request-scope';
import type { AuditEventRecord } from '../store/audit-log';
import type { AuditStore } from './audit.store';

/** Loads an entity as the viewer may see it, failing with NOT_FOUND when it is out of scope. */
export type VisibilityCheck = (entityId: string) => Promise<unknown>;

/**
 * The audit journal. Administrators read all of it; other roles read the history of records
 * they can see.
 */
export class AuditService {
  constructor(
    private readonly audit: AuditStore,
    private readonly cursors: CursorCodec,
    private readonly scope: RequestScope,
    private readonly visibility: Readonly<Record<string, VisibilityCheck>>,
  ) {}

  async list(entityId: string | undefined, { first, after }: Paging): Promise<Page<AuditEventRecord>> {
    const admin = hasRole(this.scope.viewer, Role.ADMIN);
    if (!entityId && !admin) {
      throw new ForbiddenError('Only administrators may read the whole audit journal; ask for the history of one record.');
    }
    const queryId = fingerprint(['auditEvents', entityId ?? null]);
    const start = after ? this.cursors.decode(after, queryId) : undefined;
    const page = await this.audit.page(entityId, first, start);
    if (entityId && !admin && page.records.length > 0) {
      const check = this.visibility[page.records[0]!.entityType];
      if (!check) throw new NotFoundError('Record', entityId);
      await check(entityId);
    }
    const continuation = page.hasNextPage && page.endPosition ? this.cursors.encode(queryId, page.endPosition) : null;
    return {
      nodes: page.records,
      cursor: edgeCursor(this.cursors, queryId, page.positions, continuation),
      hasNextPage: page.hasNextPage,
      hasPreviousPage: Boolean(after),
      continuation,
      countTotal: () => this.audit.count(entityId),
    };
  }
}
