import type { OrganisationValues, ParsedRow, Rejection, ValueField } from './parse-rows.ts';

export interface ExistingOrganisation {
  id: string;
  name: string;
  /** `search_text(name)` as the database computes it. */
  searchName: string;
  values: OrganisationValues;
  networkLeftOn: string | null;
}

export type Changes = Partial<Record<ValueField, { from: unknown; to: unknown }>>;

export interface RowPlan {
  row: number;
  name: string;
  /** null for an organisation to create. */
  organisationId: string | null;
  /** Only the fields that change; `from` is null for a new organisation. */
  changes: Changes;
}

export interface ImportPlan {
  create: RowPlan[];
  update: RowPlan[];
  unchanged: number;
  rejected: Rejection[];
}

const defaults: OrganisationValues = {
  kind: 'other_public_body',
  municipalityCode: null,
  address: null,
  postalCode: null,
  email: null,
  phone: null,
  website: null,
  networkRole: null,
  networkJoinedOn: null,
  unarProtocolSignedOn: null,
  status: 'active',
  latitude: null,
  longitude: null,
  description: null,
};

/**
 * What importing the parsed rows would do: each row is matched to an existing organisation by
 * its searchable name (and by municipality when several share it), then created, updated with
 * the fields that differ, or left unchanged. A later row for the same organisation is rejected.
 */
export function planImport(
  parsed: { rows: ParsedRow[]; rejected: Rejection[]; nameColumn: string },
  searchNameOf: (name: string) => string,
  existing: readonly ExistingOrganisation[],
): ImportPlan {
  const byName = new Map<string, ExistingOrganisation[]>();
  for (const organisation of existing) {
    byName.set(organisation.searchName, [
      ...(byName.get(organisation.searchName) ?? []),
      organisation,
    ]);
  }
  const plan: ImportPlan = { create: [], update: [], unchanged: 0, rejected: [...parsed.rejected] };
  const seen = new Map<string, number>();
  const reject = (
    row: number,
    column: string,
    reason: string,
    params?: Record<string, string | number>,
  ) => plan.rejected.push({ row, column, reason, ...(params ? { params } : {}) });

  for (const row of parsed.rows) {
    const key = searchNameOf(row.name);
    let candidates = byName.get(key) ?? [];
    if (candidates.length > 1 && row.values.municipalityCode !== undefined) {
      candidates = candidates.filter(
        (candidate) => candidate.values.municipalityCode === row.values.municipalityCode,
      );
    }
    if (candidates.length > 1) {
      reject(row.row, parsed.nameColumn, 'ambiguous_organisation', { count: candidates.length });
      continue;
    }
    const target = candidates[0];
    const identity = target ? `id:${target.id}` : `new:${key}`;
    const first = seen.get(identity);
    if (first !== undefined) {
      reject(row.row, parsed.nameColumn, 'duplicate_row', { first });
      continue;
    }
    seen.set(identity, row.row);

    const before = target?.values ?? defaults;
    const after: OrganisationValues = { ...before, ...row.values };
    if (row.unarSignedWithoutDate && after.unarProtocolSignedOn === null) {
      reject(row.row, parsed.nameColumn, 'protocol_needs_date');
      continue;
    }
    if (!target && row.values.kind === undefined) {
      reject(row.row, parsed.nameColumn, 'kind_required');
      continue;
    }
    if (after.networkRole !== null && after.networkJoinedOn === null) {
      reject(row.row, parsed.nameColumn, 'member_needs_joined_on');
      continue;
    }
    const leftOn = target?.networkLeftOn ?? null;
    if (leftOn !== null && after.networkJoinedOn !== null && after.networkJoinedOn > leftOn) {
      reject(row.row, parsed.nameColumn, 'joined_after_left');
      continue;
    }

    const changes: Changes = {};
    for (const field of Object.keys(after) as ValueField[]) {
      const from = target ? before[field] : null;
      if (from !== after[field] && (target || after[field] !== null)) {
        changes[field] = { from, to: after[field] };
      }
    }
    if (!target) plan.create.push({ row: row.row, name: row.name, organisationId: null, changes });
    else if (Object.keys(changes).length > 0) {
      plan.update.push({ row: row.row, name: target.name, organisationId: target.id, changes });
    } else plan.unchanged += 1;
  }
  plan.rejected.sort((a, b) => a.row - b.row);
  return plan;
}
