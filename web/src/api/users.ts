import { apiRequest } from './client.ts';
import type { Language, MembershipInput, NewUser, Page, UserSummary } from './types.ts';

export const USERS_PAGE_SIZE = 25;

export function listUsers(query: string, cursor: string | null): Promise<Page<UserSummary>> {
  return apiRequest<Page<UserSummary>>('GET', '/api/users', {
    query: { query, cursor, limit: USERS_PAGE_SIZE },
  });
}

export function getUser(id: string): Promise<UserSummary> {
  return apiRequest<UserSummary>('GET', `/api/users/${encodeURIComponent(id)}`);
}

export function createUser(user: NewUser): Promise<UserSummary> {
  return apiRequest<UserSummary>('POST', '/api/users', { body: user });
}

export function updateUser(
  id: string,
  changes: { displayName?: string; preferredLanguage?: Language },
): Promise<UserSummary> {
  return apiRequest<UserSummary>('PATCH', `/api/users/${encodeURIComponent(id)}`, {
    body: changes,
  });
}

export function replaceMemberships(
  id: string,
  memberships: MembershipInput[],
): Promise<UserSummary> {
  return apiRequest<UserSummary>('PUT', `/api/users/${encodeURIComponent(id)}/memberships`, {
    body: { memberships },
  });
}

export function setUserDisabled(id: string, disabled: boolean): Promise<UserSummary> {
  const action = disabled ? 'disable' : 'enable';
  return apiRequest<UserSummary>('POST', `/api/users/${encodeURIComponent(id)}/${action}`);
}

export function setUserPassword(id: string, password: string): Promise<void> {
  return apiRequest<void>('POST', `/api/users/${encodeURIComponent(id)}/password`, {
    body: { password },
  });
}
