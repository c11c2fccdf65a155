import type { SessionUser } from '../api/types.ts';

/** The permissions the back office shows or hides screens for; the server enforces them all. */
export type Permission =
  | 'users.read'
  | 'users.manage'
  | 'audit.read'
  | 'audit.verify'
  | 'organisations.read'
  | 'network.edit'
  | 'network.manage'
  | 'cases.intake'
  | 'cases.read'
  | 'cases.manage'
  | 'aggregates.read';

export function can(user: SessionUser | null, permission: Permission): boolean {
  return user !== null && user.permissions.includes(permission);
}
