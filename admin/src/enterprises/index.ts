import BusinessIcon from '@mui/icons-material/Business';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

/** The enterprises resource; each view loads when first shown. */
export const enterprises = {
  list: lazy(() => import('./EnterpriseList').then((module) => ({ default: module.EnterpriseList }))),
  show: lazy(() => import('./EnterpriseShow').then((module) => ({ default: module.EnterpriseShow }))),
  edit: lazy(() => import('./EnterpriseEdit').then((module) => ({ default: module.EnterpriseEdit }))),
  create: lazy(() => import('./EnterpriseCreate').then((module) => ({ default: module.EnterpriseCreate }))),
  icon: BusinessIcon,
  recordRepresentation: (record: RaRecord) => String(record.name),
};
