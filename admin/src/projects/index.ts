import ConstructionIcon from '@mui/icons-material/Construction';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

/** The projects resource (工程建设项目); each view loads when first shown. */
export const projects = {
  list: lazy(() => import('./ProjectList').then((module) => ({ default: module.ProjectList }))),
  show: lazy(() => import('./ProjectShow').then((module) => ({ default: module.ProjectShow }))),
  edit: lazy(() => import('./ProjectEdit').then((module) => ({ default: module.ProjectEdit }))),
  create: lazy(() => import('./ProjectCreate').then((module) => ({ default: module.ProjectCreate }))),
  icon: ConstructionIcon,
  recordRepresentation: (record: RaRecord) => String(record.name),
};
