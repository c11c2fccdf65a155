/**
 * The one place that answers "may this user do X (to this record)?". Routes declare the
 * permission they need; record-level checks call `canAccessOrganisation` and friends. Pure: no
 * I/O, so every rule is unit-tested as a table.
 */

export const roles = [
  'operator',
  'legal_expert',
  'node_coordinator',
  'network_admin',
  'analyst',
  'auditor',
] as const;
export type Role = (typeof roles)[number];

export interface Membership {
  organisationId: string;
  role: Role;
}

export interface Actor {
  id: string;
  email: string;
  displayName: string;
  memberships: Membership[];
}

/**
 * Permissions a route can require. `public` needs no account; `signed_in` any account;
 * the rest are granted by roles below.
 */
export const permissions = [
  'public',
  'signed_in',
  'users.read',
  'users.manage',
  'organisations.read',
  'network.manage',
  'network.edit',
  'audit.read',
  'audit.verify',
  'aggregates.read',
] as const;
export type Permission = (typeof permissions)[number];

const grants: Record<Role, readonly Permission[]> = {
  operator: ['organisations.read'],
  legal_expert: ['organisations.read'],
  // network.edit lets a node coordinator change their own organisation and its help desks
  // (checked per record by canManageOrganisation); network.manage creates and imports.
  node_coordinator: ['organisations.read', 'network.edit', 'users.read', 'aggregates.read'],
  network_admin: [
    'organisations.read',
    'network.manage',
    'network.edit',
    'users.read',
    'users.manage',
    'aggregates.read',
  ],
  analyst: ['aggregates.read'],
  // The auditor reads the trail and verifies the chain, but reads no personal records.
  auditor: ['audit.read', 'audit.verify', 'users.read', 'organisations.read'],
};

export function rolesOf(actor: Actor): Set<Role> {
  return new Set(actor.memberships.map((membership) => membership.role));
}

export function permissionsOf(actor: Actor | null): Set<Permission> {
  const granted = new Set<Permission>(['public']);
  if (!actor) return granted;
  granted.add('signed_in');
  for (const role of rolesOf(actor)) {
    for (const permission of grants[role]) granted.add(permission);
  }
  return granted;
}

export function can(actor: Actor | null, permission: Permission): boolean {
  return permissionsOf(actor).has(permission);
}

/**
 * Network admins act on every organisation; node coordinators on the organisations they
 * coordinate; everyone else only reads.
 */
export function canManageOrganisation(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some(
    (membership) =>
      membership.role === 'network_admin' ||
      (membership.role === 'node_coordinator' && membership.organisationId === organisationId),
  );
}

/** Only a network admin changes accounts, and nobody disables their own account. */
export function canManageUser(actor: Actor, targetUserId: string): boolean {
  return can(actor, 'users.manage') && actor.id !== targetUserId;
}

/**
 * Name and language are not access rights: an admin may correct their own as anyone else's.
 * Roles, status and password of their own account stay with another admin (`canManageUser`).
 */
export function canEditUserProfile(actor: Actor, _targetUserId: string): boolean {
  return can(actor, 'users.manage');
}

/**
 * Who may see an account's details: network admins and auditors every account; a node
 * coordinator the accounts of their own organisations' members; everyone their own account.
 */
export function canReadUser(
  actor: Actor,
  target: { id: string; organisationIds: readonly string[] },
): boolean {
  if (actor.id === target.id) return true;
  const own = rolesOf(actor);
  if (own.has('network_admin') || own.has('auditor')) return true;
  return actor.memberships.some(
    (membership) =>
      membership.role === 'node_coordinator' &&
      target.organisationIds.includes(membership.organisationId),
  );
}
