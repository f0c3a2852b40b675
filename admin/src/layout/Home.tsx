import { usePermissions } from 'react-admin';
import { Navigate } from 'react-router-dom';
import type { Permissions } from '../authProvider/permissions';
import { Dashboard } from '../dashboard';
import { homePathOf } from './homePath';

/** The home page: the dashboard, or the user's starting list. */
export function Home() {
  const { permissions, isPending } = usePermissions<Permissions>();
  if (isPending || !permissions) return null;
  const path = homePathOf(permissions);
  return path ? <Navigate to={path} replace /> : <Dashboard />;
}
