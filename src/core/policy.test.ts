import { describe, expect, it } from 'vitest';
import {
  can,
  canEditUserProfile,
  canManageOrganisation,
  canManageUser,
  canReadUser,
  permissions,
  roles,
  type Actor,
  type Permission,
  type Role,
} from './policy.ts';

const actorWith = (role: Role, organisationId = 'org-a'): Actor => ({
  id: `user-${role}`,
  email: `${role}@example.org`,
  displayName: role,
  memberships: [{ organisationId, role }],
});

/** The whole role × permission table: change it only together with the policy. */
const expected: Record<Role, Permission[]> = {
  operator: ['public', 'signed_in', 'organisations.read', 'cases.intake', 'cases.read'],
  legal_expert: ['public', 'signed_in', 'organisations.read', 'cases.read'],
  node_coordinator: [
    'public',
    'signed_in',
    'users.read',
    'organisations.read',
    'network.edit',
    'aggregates.read',
    'cases.intake',
    'cases.read',
    'cases.manage',
  ],
  network_admin: [
    'public',
    'signed_in',
    'users.read',
    'users.manage',
    'organisations.read',
    'network.manage',
    'network.edit',
    'aggregates.read',
  ],
  analyst: ['public', 'signed_in', 'aggregates.read'],
  auditor: [
    'public',
    'signed_in',
    'users.read',
    'organisations.read',
    'audit.read',
    'audit.verify',
  ],
};

describe('policy', () => {
  for (const role of roles) {
    it(`grants ${role} exactly its permissions`, () => {
      const granted = permissions.filter((permission) => can(actorWith(role), permission));
      expect(new Set(granted)).toEqual(new Set(expected[role]));
    });
  }

  it('gives the public only public access', () => {
    expect(permissions.filter((permission) => can(null, permission))).toEqual(['public']);
  });

  it('lets coordinators manage only their own organisation, admins every one', () => {
    expect(canManageOrganisation(actorWith('node_coordinator', 'org-a'), 'org-a')).toBe(true);
    expect(canManageOrganisation(actorWith('node_coordinator', 'org-a'), 'org-b')).toBe(false);
    expect(canManageOrganisation(actorWith('network_admin', 'org-a'), 'org-b')).toBe(true);
    expect(canManageOrganisation(actorWith('operator', 'org-a'), 'org-a')).toBe(false);
  });

  it('shows accounts to their owner, admins, auditors and the coordinators of their organisation', () => {
    const target = { id: 'someone', organisationIds: ['org-a'] };
    expect(canReadUser(actorWith('network_admin', 'org-z'), target)).toBe(true);
    expect(canReadUser(actorWith('auditor', 'org-z'), target)).toBe(true);
    expect(canReadUser(actorWith('node_coordinator', 'org-a'), target)).toBe(true);
    expect(canReadUser(actorWith('node_coordinator', 'org-b'), target)).toBe(false);
    expect(canReadUser(actorWith('operator', 'org-a'), target)).toBe(false);
    expect(
      canReadUser(actorWith('analyst', 'org-a'), { id: 'user-analyst', organisationIds: [] }),
    ).toBe(true);
  });

  it('never lets an admin manage their own account, but lets them correct their own name', () => {
    const admin = actorWith('network_admin');
    expect(canManageUser(admin, 'other')).toBe(true);
    expect(canManageUser(admin, admin.id)).toBe(false);
    expect(canManageUser(actorWith('node_coordinator'), 'other')).toBe(false);
    expect(canEditUserProfile(admin, admin.id)).toBe(true);
    expect(canEditUserProfile(actorWith('node_coordinator'), 'other')).toBe(false);
  });
});
