import type { Role } from '@yizhan/shared';
import { RowScope } from './auth/row-scope';
import type { Viewer } from './auth/viewer';
import type { AuditActor } from './store/audit-log';
import type { WriteContext } from './store/entity-store';

/** What services know about the request they serve: who asks, when, and under which id. */
export class RequestScope {
  /** Which records the viewer may see and change. */
  readonly rows: RowScope;

  constructor(
    readonly viewer: Viewer | null,
    readonly requestId: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.rows = new RowScope(viewer);
  }

  now(): Date {
    return this.clock();
  }

  get roles(): readonly Role[] {
    return this.viewer?.roles ?? [];
  }

  actor(): AuditActor {
    const viewer = this.viewer;
    return viewer
      ? { id: viewer.id, username: viewer.username, roles: [...viewer.roles] }
      : { id: 'anonymous', username: 'anonymous', roles: [] };
  }

  /** Who writes, under which request, for the audit event. */
  write(action: string, at: Date, extras: Pick<WriteContext, 'transition' | 'note'> = {}): WriteContext {
    return { actor: this.actor(), requestId: this.requestId, action, at: at.toISOString(), ...extras };
  }
}
