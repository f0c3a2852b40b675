import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { approvals } from './approvals';
import { auditEvents } from './audit';
import type { YizhanAuthProvider } from './authProvider/session';
import { CALENDAR_PATH, CalendarPage } from './calendar';
import { DASHBOARD_PATH, Dashboard } from './dashboard';
import type { YizhanDataProvider } from './dataProvider/dataProvider';
import { enterprises } from './enterprises';
import { i18nProvider } from './i18n/i18nProvider';
import { Home } from './layout/Home';
import { Layout } from './layout/Layout';
import { LoginPage } from './layout/LoginPage';
import { darkTheme, lightTheme } from './layout/theme';
import { projects } from './projects';
import { serviceRequests } from './service-requests';
import { stations } from './stations';

/** The console's table of contents: its home page, resources and pages. */
export function App({ dataProvider, authProvider }: { dataProvider: YizhanDataProvider; authProvider: YizhanAuthProvider }) {
  return (
    <Admin
      title="yizhan.title"
      dataProvider={dataProvider}
      authProvider={authProvider}
      i18nProvider={i18nProvider}
      loginPage={LoginPage}
      layout={Layout}
      dashboard={Home}
      theme={lightTheme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      <Resource name="serviceRequests" {...serviceRequests} />
      <Resource name="approvals" {...approvals} />
      <Resource name="projects" {...projects} />
      <Resource name="enterprises" {...enterprises} />
      <Resource name="stations" {...stations} />
      <Resource name="auditEvents" {...auditEvents} />
      <CustomRoutes>
        <Route path={DASHBOARD_PATH} element={<Dashboard />} />
        <Route path={CALENDAR_PATH} element={<CalendarPage />} />
      </CustomRoutes>
    </Admin>
  );
}
