import DashboardIcon from '@mui/icons-material/Dashboard';
import EventIcon from '@mui/icons-material/Event';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import { CALENDAR_PATH } from '../calendar';
import { DASHBOARD_PATH } from '../dashboard';

/** The dashboard for those who may read it, the resources the user may list (react-admin asks `canAccess`), then the calendar for administrators. */
export function Menu() {
  const { canAccess: mayReadDashboard } = useCanAccess({ action: 'list', resource: 'dashboard' });
  const { canAccess: mayEditCalendar } = useCanAccess({ action: 'list', resource: 'calendar' });
  return (
    <RaMenu>
      {mayReadDashboard && <RaMenu.Item to={DASHBOARD_PATH} primaryText="yizhan.dashboard.name" leftIcon={<DashboardIcon />} />}
      <RaMenu.ResourceItems />
      {mayEditCalendar && <RaMenu.Item to={CALENDAR_PATH} primaryText="yizhan.calendar.name" leftIcon={<EventIcon />} />}
    </RaMenu>
  );
}
