import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import type { ConsentPurpose } from '../../core/cases/consent.ts';
import type { DatePrecision, VictimProfile } from '../../core/cases/vocabularies.ts';
import { allowedTransitions, type CaseStatus } from '../../core/cases/workflow.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { DB } from '../../db/schema.ts';
import type { CaseAccessGrant, ReferralShare } from './case-access.ts';
import { loadCaseConsents } from './case-consents.ts';
import { loadCaseEvents } from './case-events.ts';
import { overdueFlags, type OverdueFlags } from './case-clock.ts';
import { caseSettingsOf } from './case-settings.ts';
import { referralView } from './referral-view.ts';
import { unseal, unsealContact, type ReporterContact } from './sealed-fields.ts';

type Named = { id: string; name: string } | null;
type Person = { id: string; displayName: string } | null;

export interface CaseClassificationView {
  grounds: string[];
  primaryGround: string | null;
  perceivedGrounds: string[];
  associationGrounds: string[];
  domains: string[];
  types: string[];
  perpetratorKind: string | null;
  perpetratorSectors: string[];
  perpetratorRoles: string[];
  reporterRole: string | null;
  outcome: string | null;
  intersectional: boolean;
  classifiedAt: string | null;
  classifiedBy: Person;
}

export interface CaseEventItem {
  id: number;
  kind: string;
  at: string;
  byReporter: boolean;
  actor: Person;
  details: Record<string, unknown>;
  body: string | null;
}

/** Everything the team sees of a case; `referralView` cuts it down for a referral. */
export interface CaseDetail {
  id: string;
  reference: string;
  access: 'team' | 'referral';
  shares: ReferralShare[];
  title: string | null;
  status: CaseStatus;
  source: 'public_form' | 'operator';
  channel: string;
  organisation: Named;
  helpDesk: Named;
  assignee: Person;
  receivedAt: string;
  acknowledgeDueOn: string;
  takeInChargeDueOn: string;
  acknowledgedAt: string | null;
  takenInChargeAt: string | null;
  finalAt: string | null;
  retentionUntil: string | null;
  erasedAt: string | null;
  overdue: OverdueFlags;
  occurredOn: string | null;
  occurredPrecision: DatePrecision | null;
  municipality: { code: string; name: string } | null;
  online: boolean;
  narrative: string | null;
  placeDetail: string | null;
  onlineLink: string | null;
  perpetratorDetail: string | null;
  reporter: {
    anonymous: boolean;
    locale: string;
    hasReceipt: boolean;
    contact: ReporterContact | null;
  };
  taxonomyVersion: string;
  classification: CaseClassificationView | null;
  victimProfile: VictimProfile | null;
  consents: {
    purpose: ConsentPurpose;
    granted: boolean;
    textVersion: string;
    recordedAt: string;
    withdrawnAt: string | null;
  }[];
  events: CaseEventItem[];
  allowedTransitions: CaseStatus[];
  rowVersion: number;
}

const iso = (value: Date | null) => (value === null ? null : value.toISOString());

/**
 * One case as its reader may see it: decrypted for the team, cut down to what the referral
 * shares for a referral's receiver. Parts a referral does not share are not even decrypted.
 */
export async function loadCaseDetail(
  db: Kysely<DB>,
  config: Config,
  grant: CaseAccessGrant,
  now = new Date(),
): Promise<CaseDetail | null> {
  const row = await db
    .selectFrom('cases')
    .leftJoin('organisations', 'organisations.id', 'cases.organisation_id')
    .leftJoin('help_desks', 'help_desks.id', 'cases.help_desk_id')
    .leftJoin('users as assignee', 'assignee.id', 'cases.assignee_user_id')
    .leftJoin('users as classifier', 'classifier.id', 'cases.classified_by')
    .leftJoin('municipalities', 'municipalities.istat_code', 'cases.municipality_code')
    .selectAll('cases')
    .select([
      'organisations.name as organisation_name',
      'help_desks.name as help_desk_name',
      'assignee.display_name as assignee_name',
      'classifier.display_name as classifier_name',
      'municipalities.name as municipality_name',
    ])
    .where('cases.id', '=', grant.caseId)
    .executeTakeFirst();
  if (!row) return null;
  const team = grant.access === 'team';
  const reveals = (part: ReferralShare) => team || grant.shares.includes(part);
  const keys = config.masterKeys;
  const open = (column: 'narrative_enc' | 'place_detail_enc' | 'online_link_enc') =>
    reveals('narrative') ? unseal(keys, 'cases', column, row.id, row[column]) : null;
  const settings = caseSettingsOf(config);
  const wasTakenInCharge = row.taken_in_charge_at !== null;

  const consents = team ? await loadCaseConsents(db, row.id) : [];
  const events = team || reveals('notes') ? await loadCaseEvents(db, config, row.id) : [];

  const detail: CaseDetail = {
    id: row.id,
    reference: row.reference,
    access: grant.access,
    shares: grant.shares,
    title: row.title,
    status: row.status,
    source: row.source,
    channel: row.channel,
    organisation:
      row.organisation_id && row.organisation_name
        ? { id: row.organisation_id, name: row.organisation_name }
        : null,
    helpDesk:
      row.help_desk_id && row.help_desk_name
        ? { id: row.help_desk_id, name: row.help_desk_name }
        : null,
    assignee:
      row.assignee_user_id && row.assignee_name
        ? { id: row.assignee_user_id, displayName: row.assignee_name }
        : null,
    receivedAt: row.received_at.toISOString(),
    acknowledgeDueOn: row.acknowledge_due_on,
    takeInChargeDueOn: row.take_in_charge_due_on,
    acknowledgedAt: iso(row.acknowledged_at),
    takenInChargeAt: iso(row.taken_in_charge_at),
    finalAt: iso(row.final_at),
    retentionUntil: row.retention_until,
    erasedAt: iso(row.erased_at),
    overdue: overdueFlags(
      {
        status: row.status,
        acknowledgeDueOn: row.acknowledge_due_on,
        takeInChargeDueOn: row.take_in_charge_due_on,
        takenInChargeAt: row.taken_in_charge_at,
      },
      localDate(now, settings.timeZone),
    ),
    occurredOn: row.occurred_on,
    occurredPrecision: row.occurred_precision,
    municipality:
      row.municipality_code && row.municipality_name
        ? { code: row.municipality_code, name: row.municipality_name }
        : null,
    online: row.online,
    narrative: reveals('narrative')
      ? unseal(keys, 'cases', 'narrative_enc', row.id, row.narrative_enc)
      : null,
    placeDetail: open('place_detail_enc'),
    onlineLink: open('online_link_enc'),
    perpetratorDetail: reveals('narrative')
      ? unseal(keys, 'cases', 'perpetrator_detail_enc', row.id, row.perpetrator_detail_enc)
      : null,
    reporter: {
      anonymous: row.reporter_anonymous,
      locale: row.reporter_locale,
      hasReceipt: row.receipt_hash !== null,
      contact: reveals('contact') ? unsealContact(keys, row.id, row.reporter_contact_enc) : null,
    },
    taxonomyVersion: row.taxonomy_version,
    classification: {
      grounds: row.ground_codes,
      primaryGround: row.primary_ground,
      perceivedGrounds: row.perceived_ground_codes,
      associationGrounds: row.association_ground_codes,
      domains: row.domain_codes,
      types: row.type_codes,
      perpetratorKind: row.perpetrator_kind,
      perpetratorSectors: row.perpetrator_sector_codes,
      perpetratorRoles: row.perpetrator_role_codes,
      reporterRole: row.reporter_role,
      outcome: row.outcome_code,
      intersectional: row.intersectional,
      classifiedAt: iso(row.classified_at),
      classifiedBy:
        row.classified_by && row.classifier_name
          ? { id: row.classified_by, displayName: row.classifier_name }
          : null,
    },
    victimProfile: {
      ageBand: row.victim_age_band,
      gender: row.victim_gender,
      citizenshipGroup: row.victim_citizenship_group,
      migrationBackground: row.victim_migration_background,
      residenceStatus: row.victim_residence_status,
    },
    consents: consents.map((consent) => ({
      ...consent,
      recordedAt: consent.recordedAt.toISOString(),
      withdrawnAt: iso(consent.withdrawnAt),
    })),
    events: events.map((event) => ({ ...event, at: event.at.toISOString() })),
    allowedTransitions: row.erased_at ? [] : allowedTransitions(row.status, wasTakenInCharge),
    rowVersion: row.row_version,
  };
  return team ? detail : referralView(detail, grant.shares);
}
