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
  'cases.intake',
  'cases.read',
  'cases.manage',
] as const;
export type Permission = (typeof permissions)[number];

// Case permissions only open the routes; which cases a person sees is decided per record by
// `caseAccess` below. Network admins run the platform, not the desks: they read no case.
const grants: Record<Role, readonly Permission[]> = {
  operator: ['organisations.read', 'cases.intake', 'cases.read'],
  legal_expert: ['organisations.read', 'cases.read'],
  // network.edit lets a node coordinator change their own organisation and its help desks
  // (checked per record by canManageOrganisation); network.manage creates and imports.
  node_coordinator: [
    'organisations.read',
    'network.edit',
    'users.read',
    'aggregates.read',
    'cases.intake',
    'cases.read',
    'cases.manage',
  ],
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

/**
 * Roles that work cases taken in by their organisation's desks; a case is assigned only to
 * someone holding one of them there, so the assignee can open it.
 */
export const caseTeamRoles: readonly Role[] = ['operator', 'node_coordinator'];

/** What the case rules need to know about a case to decide who sees it. */
export interface CaseScope {
  /** The organisation whose queue holds the case (its desk's organisation, or the central one). */
  organisationId: string | null;
  /** Referrals that are pending or accepted; declined and revoked ones give nothing. */
  openReferrals: readonly { toOrganisationId: string | null; toUserId: string | null }[];
}

/**
 * How much of a case a person may see: `team` (the whole case, to work it) for operators and
 * coordinators of the organisation holding it; `referral` (only what the referral shares) for
 * the receiving organisation's team or the named legal expert; null for everyone else, who
 * gets the same answer as for a case that does not exist. Analysts, auditors and network
 * admins never see a case.
 */
export type CaseAccess = 'team' | 'referral' | null;

export function caseAccess(actor: Actor, scope: CaseScope): CaseAccess {
  const team = actor.memberships.some(
    (membership) =>
      caseTeamRoles.includes(membership.role) && membership.organisationId === scope.organisationId,
  );
  if (team) return 'team';
  const referred = scope.openReferrals.some(
    (referral) =>
      referral.toUserId === actor.id ||
      actor.memberships.some(
        (membership) =>
          (caseTeamRoles.includes(membership.role) || membership.role === 'legal_expert') &&
          membership.organisationId === referral.toOrganisationId,
      ),
  );
  return referred ? 'referral' : null;
}

/** Organisations whose queues a person works (their case-team memberships). */
export function caseTeamOrganisations(actor: Actor): string[] {
  return actor.memberships
    .filter((membership) => caseTeamRoles.includes(membership.role))
    .map((membership) => membership.organisationId);
}

/**
 * Coordinators move cases between queues: out of their own organisation's queue to any desk,
 * which is also how the central queue is dispatched by the lead partner's coordinators.
 */
export function canReassignCase(actor: Actor, scope: CaseScope): boolean {
  return actor.memberships.some(
    (membership) =>
      membership.role === 'node_coordinator' && membership.organisationId === scope.organisationId,
  );
}
