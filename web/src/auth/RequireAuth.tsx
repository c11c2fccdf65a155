import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { NotFoundPage } from '../layout/NotFoundPage.tsx';
import { can } from './permissions.ts';
import type { Permission } from './permissions.ts';
import { useSession } from './SessionProvider.tsx';

/** What the sign-in page receives: where to go back to after signing in. */
export interface LoginLocationState {
  from?: string;
}

export function RequireAuth() {
  const { user, ended } = useSession();
  const location = useLocation();
  if (!user) {
    // After signing out, the next person to sign in starts from the home page.
    const state: LoginLocationState =
      ended === 'signed_out' ? {} : { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}

/**
 * A screen the user's roles do not allow answers like an unknown address, as the server does
 * for records: the navigation never offers it, and guessing the URL reveals nothing.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: Permission;
  children: ReactNode;
}) {
  const { user } = useSession();
  return can(user, permission) ? children : <NotFoundPage />;
}
