import AssignmentTurnedInIcon from '@mui/icons-material/AssignmentTurnedIn';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

/** The approvals resource (审批事项); each view loads when first shown. */
export const approvals = {
  list: lazy(() => import('./ApprovalList').then((module) => ({ default: module.ApprovalList }))),
  show: lazy(() => import('./ApprovalShow').then((module) => ({ default: module.ApprovalShow }))),
  edit: lazy(() => import('./ApprovalEdit').then((module) => ({ default: module.ApprovalEdit }))),
  create: lazy(() => import('./ApprovalCreate').then((module) => ({ default: module.ApprovalCreate }))),
  icon: AssignmentTurnedInIcon,
  recordRepresentation: (record: RaRecord) => `${String(record.number)} ${String(record.itemName)}`,
};
