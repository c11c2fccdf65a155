import type { FieldError } from '../api/client.ts';
import type { Membership, MembershipInput } from '../api/types.ts';
import type { Translate } from '../i18n/useT.ts';

/** A row of the memberships editor; `key` keeps React's identity stable while rows move. */
export interface MembershipRow extends MembershipInput {
  key: number;
}

let nextKey = 1;

export function newMembershipRow(membership?: Membership | MembershipInput): MembershipRow {
  return {
    key: nextKey++,
    organisationId: membership?.organisationId ?? '',
    role: membership?.role ?? '',
  };
}

export function toMembershipInputs(rows: MembershipRow[]): MembershipInput[] {
  return rows.map(({ organisationId, role }) => ({ organisationId, role }));
}

/** Problems the server would report too, found before sending, with the same field paths. */
export function checkMemberships(rows: MembershipRow[], t: Translate): FieldError[] {
  if (rows.length === 0) {
    return [{ field: 'memberships', message: t('bo.memberships.atLeastOne') }];
  }
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (!row.organisationId) {
      problems.push({
        field: `memberships.${index}.organisationId`,
        message: t('bo.memberships.organisationRequired'),
      });
    }
    if (!row.role) {
      problems.push({
        field: `memberships.${index}.role`,
        message: t('bo.memberships.roleRequired'),
      });
    }
    const pair = `${row.organisationId}\u0000${row.role}`;
    if (row.organisationId && row.role && seen.has(pair)) {
      problems.push({ field: `memberships.${index}.role`, message: t('bo.memberships.duplicate') });
    }
    seen.add(pair);
  });
  return problems;
}

/** The visible label of a membership control, for the error summary. */
export function membershipFieldLabel(field: string, t: Translate): string | null {
  const match = /^memberships\.(\d+)\.(organisationId|role)$/.exec(field);
  if (match) {
    const n = Number(match[1]) + 1;
    return match[2] === 'role'
      ? t('bo.memberships.role', { n })
      : t('bo.memberships.organisation', { n });
  }
  if (field === 'memberships' || field.startsWith('memberships.')) {
    return t('bo.memberships.legend');
  }
  return null;
}
