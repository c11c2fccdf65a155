import { notFound } from '../../core/errors.ts';
import { canEditUserProfile, canManageUser, type Actor } from '../../core/policy.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { fieldError } from './field-error.ts';

export type ManageAction = 'update' | 'memberships' | 'disable' | 'enable' | 'password';
type SelfRefusal = Exclude<ManageAction, 'update'>;

/** The field the refusal is attached to, so the form shows it where the admin acted. */
const fieldOf: Record<SelfRefusal, string> = {
  memberships: 'memberships',
  disable: 'id',
  enable: 'id',
  password: 'password',
};

/**
 * Admins change other people's accounts only (`canManageUser`): an admin who disabled their own
 * account or dropped their own network_admin role would lock the network out, and one who reset
 * their own password here would skip the current-password check of their profile. For the
 * admin's own account the refusal is a validation error that says why; for any other account
 * the policy refuses it is a 404, like a missing record. Name and language are no access
 * rights, so an admin edits their own like anyone's (`canEditUserProfile`).
 */
export function assertMayManage(
  actor: Actor,
  targetUserId: string,
  action: ManageAction,
  locale: Locale,
): void {
  if (action === 'update') {
    if (canEditUserProfile(actor, targetUserId)) return;
    throw notFound();
  }
  if (canManageUser(actor, targetUserId)) return;
  if (actor.id === targetUserId) throw fieldError(locale, fieldOf[action], `admin.self.${action}`);
  throw notFound();
}
