import { Role } from './enums';

/** Who may read a record's history (audit events); the API enforces it, the console shows the tab to them only. */
export const HISTORY_READERS: readonly Role[] = [Role.ADMIN, Role.OFFICER, Role.STAFF, Role.OPERATOR];
