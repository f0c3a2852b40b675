import type { Role } from '@yizhan/shared';
import type { AuditActor } from './audit/audit.model';
import type { Viewer } from './auth/viewer';
import type { Services } from './services';
import type { WriteContext } from './store/entity-store';

/** Per-request state handed to every resolver. */
export interface Context {
  readonly viewer: Viewer | null;
  readonly requestId: string;
  readonly services: Services;
}

/** What services know about the request they serve. */
export class RequestScope {
  constructor(
    readonly viewer: Viewer | null,
    readonly requestId: string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  now(): string {
    return this.clock().toISOString();
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

  write(action: string, at: string = this.now()): WriteContext {
    return { actor: this.actor(), requestId: this.requestId, action, at };
  }
}
