import StoreIcon from '@mui/icons-material/Storefront';
import { lazy } from 'react';
import type { RaRecord } from 'react-admin';

/** The stations resource; each view loads when first shown. */
export const stations = {
  list: lazy(() => import('./StationList').then((module) => ({ default: module.StationList }))),
  show: lazy(() => import('./StationShow').then((module) => ({ default: module.StationShow }))),
  edit: lazy(() => import('./StationEdit').then((module) => ({ default: module.StationEdit }))),
  create: lazy(() => import('./StationCreate').then((module) => ({ default: module.StationCreate }))),
  icon: StoreIcon,
  recordRepresentation: (record: RaRecord) => `${String(record.code)} ${String(record.name)}`,
};
