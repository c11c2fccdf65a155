import { useCallback, useEffect, useState } from 'react';
import { listAssignableUsers } from '../api/cases.ts';
import type { AssignableUser, Person } from '../api/cases.ts';
import { searchHelpDesks } from '../api/help-desks.ts';
import type { HelpDeskListItem } from '../api/help-desks.ts';
import type { SessionUser } from '../api/types.ts';
import { listUsers } from '../api/users.ts';
import { can } from '../auth/permissions.ts';
import { useReloadable } from '../common/useReloadable.ts';

/** The roles that work cases, as in `src/core/policy.ts`. */
const caseTeamRoles = ['operator', 'node_coordinator'];

/** Organisations whose cases the user works: the queues they can file a case in. */
export function teamOrganisations(user: SessionUser | null): { id: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const membership of user?.memberships ?? []) {
    if (caseTeamRoles.includes(membership.role)) {
      seen.set(membership.organisationId, membership.organisationName);
    }
  }
  return [...seen].map(([id, name]) => ({ id, name }));
}

/** The active help desks of the given organisations (the desk choices of a queue). */
export function useHelpDesks(organisationIds: string[]): HelpDeskListItem[] {
  const [desks, setDesks] = useState<HelpDeskListItem[]>([]);
  const key = organisationIds.join(',');
  useEffect(() => {
    let current = true;
    const ids = key ? key.split(',') : [];
    Promise.all(
      ids.map((organisationId) => searchHelpDesks({ organisationId, status: 'active' }, null, 200)),
    ).then(
      (pages) => {
        if (current) setDesks(pages.flatMap((page) => page.items));
      },
      // Without the list the desk choice stays empty; the organisation's queue still works.
      () => {
        if (current) setDesks([]);
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
  return desks;
}

/**
 * The people the case can be given (or a deadline of it), as the server lists them for any member
 * of the case's team; a case in no organisation's queue has nobody to give it to.
 */
export function useAssignableUsers(
  caseId: string,
  enabled: boolean,
  organisationId: string | null,
): { people: AssignableUser[]; error: unknown } {
  const load = useCallback(() => listAssignableUsers(caseId), [caseId]);
  const { value, error } = useReloadable(enabled && organisationId ? load : null);
  return { people: value ?? [], error };
}

/**
 * The people a case of `organisationId` may be assigned to, for the queue's assignee filter. Only users who may read accounts
 * (coordinators) get the list; everyone else can take a case or release it.
 */
export function useColleagues(user: SessionUser | null, organisationId: string | null): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  const allowed = can(user, 'users.read');
  useEffect(() => {
    if (!allowed || !organisationId) return;
    let current = true;
    void (async () => {
      const found: Person[] = [];
      let cursor: string | null = null;
      try {
        do {
          const page = await listUsers('', cursor);
          for (const candidate of page.items) {
            const member = candidate.memberships.some(
              (membership) =>
                membership.organisationId === organisationId &&
                caseTeamRoles.includes(membership.role),
            );
            if (member && !candidate.disabled) {
              found.push({ id: candidate.id, displayName: candidate.displayName });
            }
          }
          cursor = page.nextCursor;
        } while (cursor && found.length < 200);
      } catch {
        // The assignment falls back to "take it" and "release it".
      }
      if (current) setPeople(found);
    })();
    return () => {
      current = false;
    };
  }, [allowed, organisationId]);
  return people;
}
