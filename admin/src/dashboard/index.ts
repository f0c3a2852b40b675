import { lazy } from 'react';

/** The dashboard (KPIs and their monthly charts), loaded when first shown with its charting library. */
export const Dashboard = lazy(() => import('./Dashboard').then((module) => ({ default: module.Dashboard })));

/** Its route and menu path, besides the home page for administrators and viewers. */
export const DASHBOARD_PATH = '/dashboard';
