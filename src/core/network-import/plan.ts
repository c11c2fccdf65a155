import type { HelpDeskPlan } from './desk-plan.ts';
import type { OrganisationValues, ParsedRow, Rejection, ValueField } from './parse-rows.ts';

export interface ExistingOrganisation {
  id: string;
  name: string;
  /** `search_text(name)` as the database computes it. */
  searchName: string;
  values: OrganisationValues;
  networkLeftOn: string | null;
  /** ISTAT codes of its territories, sorted. */
  territories: string[];
  /** Ids of the organisations it refers people to, sorted. */
  referralsTo: string[];
}

/** The organisation fields an import changes: its columns, its territories, its referrals. */
export type ChangeField = ValueField | 'territoryCodes' | 'referralsTo';
export type Changes = Partial<Record<ChangeField, { from: unknown; to: unknown }>>;

/** An organisation a referral points to: one in the directory, or one this import creates. */
export type ReferralTarget = { organisationId: string } | { createdRow: number };

export interface RowPlan {
  row: number;
  name: string;
  /** null for an organisation to create. */
  organisationId: string | null;
  /** Only the fields that change; `from` is null for a new organisation. */
  changes: Changes;
  /** The whole set of territories, when it changes. */
  territoryCodes?: string[];
  /** The outgoing referral links when they change: the ids they replace, and the new targets. */
  referrals?: { from: string[]; to: ReferralTarget[] };
}

export interface ImportPlan {
  create: RowPlan[];
  update: RowPlan[];
  unchanged: number;
  rejected: Rejection[];
  helpDesks: HelpDeskPlan;
}

export const emptyHelpDeskPlan = (): HelpDeskPlan => ({ create: [], update: [], unchanged: 0 });

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

interface Candidate {
  parsed: ParsedRow;
  key: string;
  target: ExistingOrganisation | undefined;
  before: OrganisationValues;
  after: OrganisationValues;
  referrals?: ReferralTarget[];
}

export const targetKey = (target: ReferralTarget): string =>
  'organisationId' in target ? target.organisationId : `row:${target.createdRow}`;

/** The organisations of the file that will exist after the import, by searchable name. */
export type FileOrganisations = Map<string, ReferralTarget>;

function indexByName(existing: readonly ExistingOrganisation[]) {
  const byName = new Map<string, ExistingOrganisation[]>();
  for (const organisation of existing) {
    byName.set(organisation.searchName, [
      ...(byName.get(organisation.searchName) ?? []),
      organisation,
    ]);
  }
  return byName;
}

/**
 * An organisation named in another column or sheet: first among the file's own rows, then in
 * the directory. Answers the reason (a message key) when it is unknown or ambiguous.
 */
export function resolveOrganisation(
  key: string,
  inFile: FileOrganisations,
  byName: ReadonlyMap<string, readonly ExistingOrganisation[]>,
): ReferralTarget | { error: 'unknown_organisation' | 'ambiguous_organisation'; count?: number } {
  const fromFile = inFile.get(key);
  if (fromFile) return fromFile;
  const found = byName.get(key) ?? [];
  if (found.length === 1) return { organisationId: found[0]!.id };
  if (found.length === 0) return { error: 'unknown_organisation' };
  return { error: 'ambiguous_organisation', count: found.length };
}

/**
 * What importing the parsed rows would do: each row is matched to an existing organisation by
 * its searchable name (and by municipality when several share it), then created, updated with
 * the fields that differ, or left unchanged. A later row for the same organisation is rejected.
 * Referrals name organisations of the file or of the directory; a row whose referral cannot be
 * resolved is rejected, and so in turn are rows that referred to it only through the file.
 */
export function planOrganisations(
  parsed: {
    rows: ParsedRow[];
    rejected: Rejection[];
    nameColumn: string;
    refersToColumn?: string;
  },
  searchNameOf: (name: string) => string,
  existing: readonly ExistingOrganisation[],
): { plan: ImportPlan; inFile: FileOrganisations; byName: Map<string, ExistingOrganisation[]> } {
  const byName = indexByName(existing);
  const plan: ImportPlan = {
    create: [],
    update: [],
    unchanged: 0,
    rejected: [...parsed.rejected],
    helpDesks: emptyHelpDeskPlan(),
  };
  const seen = new Map<string, number>();
  const reject = (
    row: number,
    column: string,
    reason: string,
    params?: Record<string, string | number>,
  ) => plan.rejected.push({ row, column, reason, ...(params ? { params } : {}) });
  let candidates: Candidate[] = [];

  for (const row of parsed.rows) {
    const key = searchNameOf(row.name);
    let found = byName.get(key) ?? [];
    if (found.length > 1 && row.values.municipalityCode !== undefined) {
      found = found.filter(
        (candidate) => candidate.values.municipalityCode === row.values.municipalityCode,
      );
    }
    if (found.length > 1) {
      reject(row.row, parsed.nameColumn, 'ambiguous_organisation', { count: found.length });
      continue;
    }
    const target = found[0];
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
    candidates.push({ parsed: row, key, target, before, after });
  }

  // Referrals to rows of the file: dropping a row can break another's referral, so repeat.
  const fileIndex = (list: Candidate[]): FileOrganisations =>
    new Map(
      list.map((candidate) => [
        candidate.key,
        candidate.target
          ? { organisationId: candidate.target.id }
          : { createdRow: candidate.parsed.row },
      ]),
    );
  let inFile = fileIndex(candidates);
  for (;;) {
    const failed = new Set<Candidate>();
    for (const candidate of candidates) {
      const names = candidate.parsed.refersTo;
      if (!names) continue;
      const own = candidate.target
        ? candidate.target.id
        : targetKey({ createdRow: candidate.parsed.row });
      const targets = new Map<string, ReferralTarget>();
      for (const name of names) {
        const resolved = resolveOrganisation(searchNameOf(name), inFile, byName);
        const column = parsed.refersToColumn ?? 'refersTo';
        if ('error' in resolved) {
          const reason =
            resolved.error === 'unknown_organisation' ? 'unknown_referral' : 'ambiguous_referral';
          reject(candidate.parsed.row, column, reason, { value: name, count: resolved.count ?? 0 });
          failed.add(candidate);
          break;
        }
        if (targetKey(resolved) === own) {
          reject(candidate.parsed.row, column, 'referral_self', { value: name });
          failed.add(candidate);
          break;
        }
        targets.set(targetKey(resolved), resolved);
      }
      candidate.referrals = [...targets.values()];
    }
    if (failed.size === 0) break;
    candidates = candidates.filter((candidate) => !failed.has(candidate));
    inFile = fileIndex(candidates);
  }

  const nameOf = new Map<string, string>(existing.map((row) => [row.id, row.name]));
  for (const candidate of candidates)
    nameOf.set(`row:${candidate.parsed.row}`, candidate.parsed.name);

  for (const { parsed: row, target, before, after, referrals } of candidates) {
    const changes: Changes = {};
    for (const field of Object.keys(after) as ValueField[]) {
      const from = target ? before[field] : null;
      if (from !== after[field] && (target || after[field] !== null)) {
        changes[field] = { from, to: after[field] };
      }
    }
    const rowPlan: RowPlan = {
      row: row.row,
      name: target ? target.name : row.name,
      organisationId: target?.id ?? null,
      changes,
    };
    if (row.territories) {
      const from = target?.territories ?? [];
      if (JSON.stringify(from) !== JSON.stringify(row.territories)) {
        changes.territoryCodes = { from, to: row.territories };
        rowPlan.territoryCodes = row.territories;
      }
    }
    if (referrals) {
      const from = target?.referralsTo ?? [];
      const to = referrals.map(targetKey).sort();
      if (JSON.stringify(from) !== JSON.stringify(to)) {
        const names = (keys: string[]) => keys.map((key) => nameOf.get(key) ?? key).sort();
        changes.referralsTo = { from: names(from), to: names(to) };
        rowPlan.referrals = { from, to: referrals };
      }
    }
    if (!target) plan.create.push(rowPlan);
    else if (Object.keys(changes).length > 0) plan.update.push(rowPlan);
    else plan.unchanged += 1;
  }
  plan.rejected.sort((a, b) => a.row - b.row);
  return { plan, inFile, byName };
}

/** `planOrganisations` for a file of organisations only. */
export function planImport(
  parsed: { rows: ParsedRow[]; rejected: Rejection[]; nameColumn: string; refersToColumn?: string },
  searchNameOf: (name: string) => string,
  existing: readonly ExistingOrganisation[],
): ImportPlan {
  return planOrganisations(parsed, searchNameOf, existing).plan;
}
