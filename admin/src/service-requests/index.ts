import SupportAgentIcon from '@mui/icons-material/SupportAgent';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

/** The service requests resource (station services, visits, 12345 tickets); each view loads when first shown. */
export const serviceRequests = {
  list: lazy(() => import('./ServiceRequestList').then((module) => ({ default: module.ServiceRequestList }))),
  show: lazy(() => import('./ServiceRequestShow').then((module) => ({ default: module.ServiceRequestShow }))),
  edit: lazy(() => import('./ServiceRequestEdit').then((module) => ({ default: module.ServiceRequestEdit }))),
  create: lazy(() => import('./ServiceRequestCreate').then((module) => ({ default: module.ServiceRequestCreate }))),
  icon: SupportAgentIcon,
  recordRepresentation: (record: RaRecord) => `${String(record.number)} ${String(record.title)}`,
};
