import type { Viewer } from './auth/viewer';
import type { Services, Settings } from './services';

/** Per-request state handed to every resolver. */
export interface Context {
  readonly viewer: Viewer | null;
  readonly requestId: string;
  readonly services: Services;
  /** The process's domain settings (service levels in force). */
  readonly settings: Settings;
}
