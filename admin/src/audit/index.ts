import HistoryIcon from '@mui/icons-material/History';
import { lazy } from 'react';

/** Audit events: read-only, administrators only (the menu follows `canAccess`). */
export const auditEvents = {
  list: lazy(() => import('./AuditEventList').then((module) => ({ default: module.AuditEventList }))),
  icon: HistoryIcon,
  options: { label: 'yizhan.audit.name' },
};
