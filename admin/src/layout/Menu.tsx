import EventIcon from '@mui/icons-material/Event';
import { Menu as RaMenu, useCanAccess } from 'react-admin';
import { CALENDAR_PATH } from '../calendar';

/** The resources the user may list (react-admin asks `canAccess`), then the calendar for administrators. */
export function Menu() {
  const { canAccess: mayEditCalendar } = useCanAccess({ action: 'list', resource: 'calendar' });
  return (
    <RaMenu>
      <RaMenu.ResourceItems />
      {mayEditCalendar && <RaMenu.Item to={CALENDAR_PATH} primaryText="yizhan.calendar.name" leftIcon={<EventIcon />} />}
    </RaMenu>
  );
}
