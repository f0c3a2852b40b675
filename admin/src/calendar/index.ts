import { lazy } from 'react';

/** The work calendar page (administrators), loaded when first shown. */
export const CalendarPage = lazy(() => import('./CalendarPage').then((module) => ({ default: module.CalendarPage })));

/** Its route and menu path. */
export const CALENDAR_PATH = '/calendar';
