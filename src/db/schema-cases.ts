import type { ColumnType, Generated } from 'kysely';
import type { CaseStatus } from '../core/cases/workflow.ts';

/** Table types of the reports-and-cases migration (202611232100_cases.sql). */

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;
/** Dates (no time) travel as ISO strings "YYYY-MM-DD" (see the type parsers in database.ts). */
type DateOnly = string;
type Codes = ColumnType<string[], string[] | undefined, string[]>;
type Json<T> = ColumnType<T, string, string>;

export interface TaxonomyVersionsTable {
  version: string;
  published_on: DateOnly;
  checksum: string;
  loaded_at: UpdatedAt;
}

export interface TaxonomyCodesTable {
  version: string;
  facet: string;
  code: string;
  parent_code: string | null;
  position: number;
  label_it: string;
  label_en: string;
  public_label_it: string | null;
  public_label_en: string | null;
  mappings: Json<Record<string, string | null>>;
}

export interface CasesTable {
  id: Generated<string>;
  reference: string;
  source: 'public_form' | 'operator';
  channel: string;
  status: ColumnType<CaseStatus, CaseStatus | undefined, CaseStatus>;
  organisation_id: string | null;
  help_desk_id: string | null;
  assignee_user_id: string | null;
  received_at: CreatedAt;
  acknowledge_due_on: DateOnly;
  take_in_charge_due_on: DateOnly;
  acknowledged_at: Timestamp | null;
  taken_in_charge_at: Timestamp | null;
  final_at: Timestamp | null;
  retention_until: DateOnly | null;
  erased_at: Timestamp | null;
  title: string | null;
  search_vector: ColumnType<string, never, never>;
  occurred_on: DateOnly | null;
  occurred_precision: 'day' | 'month' | 'year' | null;
  municipality_code: string | null;
  online: Generated<boolean>;
  narrative_enc: string | null;
  place_detail_enc: string | null;
  online_link_enc: string | null;
  perpetrator_detail_enc: string | null;
  reporter_contact_enc: string | null;
  reporter_anonymous: Generated<boolean>;
  reporter_locale: Generated<string>;
  receipt_hash: string | null;
  taxonomy_version: string;
  classified_at: Timestamp | null;
  classified_by: string | null;
  ground_codes: Codes;
  primary_ground: string | null;
  perceived_ground_codes: Codes;
  association_ground_codes: Codes;
  domain_codes: Codes;
  type_codes: Codes;
  perpetrator_kind: string | null;
  perpetrator_sector_codes: Codes;
  perpetrator_role_codes: Codes;
  reporter_role: string | null;
  outcome_code: string | null;
  intersectional: Generated<boolean>;
  victim_age_band: string | null;
  victim_gender: string | null;
  victim_citizenship_group: string | null;
  victim_migration_background: string | null;
  victim_residence_status: string | null;
  statistics_allowed: Generated<boolean>;
  /** Random record key for the perturbation of staff figures; never shown (202612061600). */
  stats_key: Generated<number>;
  /** Consents given with the report (202612061300_intake_on_the_case_row.sql). */
  consent_version: string | null;
  consent_handling: Generated<boolean>;
  consent_sharing: Generated<boolean>;
  consent_statistics: Generated<boolean>;
  consent_contact: Generated<boolean>;
  consent_sharing_withdrawn_at: Timestamp | null;
  consent_statistics_withdrawn_at: Timestamp | null;
  consent_contact_withdrawn_at: Timestamp | null;
  email_fingerprint: string | null;
  phone_fingerprint: string | null;
  narrative_fingerprint: string | null;
  intake_route: 'chosen' | 'competent_desk' | 'central_queue' | null;
  created_by: string | null;
  updated_at: UpdatedAt;
  row_version: Generated<number>;
}

export interface CaseEventsTable {
  id: Generated<number>;
  case_id: string;
  kind: string;
  actor_user_id: string | null;
  by_reporter: Generated<boolean>;
  at: CreatedAt;
  details: ColumnType<Record<string, unknown>, string | undefined, string>;
  body_enc: string | null;
}

export interface CaseActionsTable {
  id: Generated<string>;
  case_id: string;
  kind: string;
  done_on: DateOnly;
  actor_user_id: string | null;
  outcome_enc: string | null;
  created_at: CreatedAt;
}

export interface CaseDocumentsTable {
  id: Generated<string>;
  case_id: string;
  file_id: string;
  source: 'reporter' | 'operator';
  description_enc: string | null;
  added_by: string | null;
  added_at: CreatedAt;
}

export interface CaseDeadlinesTable {
  id: Generated<string>;
  case_id: string;
  /** NULL once erased at the end of retention. */
  title_enc: string | null;
  due_on: DateOnly;
  remind_on: DateOnly;
  assignee_user_id: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  done_at: Timestamp | null;
  reminded_at: Timestamp | null;
}

export interface CaseMessagesTable {
  id: Generated<string>;
  case_id: string;
  direction: 'to_reporter' | 'from_reporter';
  /** NULL once erased at the end of retention. */
  body_enc: string | null;
  author_user_id: string | null;
  created_at: CreatedAt;
  read_at: Timestamp | null;
}

export interface CaseReferralsTable {
  id: Generated<string>;
  case_id: string;
  from_organisation_id: string | null;
  to_organisation_id: string | null;
  to_user_id: string | null;
  shares: string[];
  note_enc: string | null;
  status: ColumnType<
    'pending' | 'accepted' | 'declined' | 'revoked',
    'pending' | undefined,
    'pending' | 'accepted' | 'declined' | 'revoked'
  >;
  status_reason_enc: string | null;
  created_by: string | null;
  created_at: CreatedAt;
  responded_by: string | null;
  responded_at: Timestamp | null;
}

export interface CaseLinksTable {
  case_id: string;
  linked_case_id: string;
  kind: 'duplicate' | 'related';
  linked_by: string | null;
  linked_at: CreatedAt;
}

export interface ReportFormNoncesTable {
  nonce_hash: string;
  expires_at: Timestamp;
}

export interface ReporterSessionsTable {
  id_hash: string;
  case_id: string;
  csrf_hash: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

export interface ReportDraftsTable {
  id_hash: string;
  data_enc: string;
  file_ids: ColumnType<string[], string[] | undefined, string[]>;
  created_at: CreatedAt;
  expires_at: Timestamp;
}

/** Pre-aggregated equality data (202612060900_case_stats_rollup.sql), rebuilt by a job. */
export interface CaseStatsRollupTable {
  month: string;
  taken_in_charge: boolean;
  ground_codes: string[];
  domain_codes: string[];
  cases: number;
  /** The sum of the row's record keys, modulo 2³¹ (202612061600_stats_record_keys.sql). */
  key_sum: number;
}

export interface CaseStatsRollupStateTable {
  id: Generated<boolean>;
  changes: number;
  time_zone: string;
  built_at: Date;
}

/** The public equality data of one calendar year, released once (202612061400). */
export interface PublicStatsReleasesTable {
  year: number;
  released_at: CreatedAt;
  threshold: number;
  taxonomy_version: string;
  region_code: string;
  region_name: string;
  figures: ColumnType<unknown, string, string>;
}

/** A staff report on equality data, drawn by a job (202612061500). */
export interface StatsReportsTable {
  id: Generated<string>;
  requested_by: string;
  year: number;
  municipality_code: string | null;
  locale: 'it' | 'en';
  status: ColumnType<
    'queued' | 'running' | 'done' | 'failed',
    'queued' | undefined,
    'queued' | 'running' | 'done' | 'failed'
  >;
  progress: Generated<number>;
  file_id: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  expires_at: Timestamp;
}

export interface CaseTables {
  taxonomy_versions: TaxonomyVersionsTable;
  taxonomy_codes: TaxonomyCodesTable;
  cases: CasesTable;
  case_events: CaseEventsTable;
  case_actions: CaseActionsTable;
  case_documents: CaseDocumentsTable;
  case_deadlines: CaseDeadlinesTable;
  case_messages: CaseMessagesTable;
  case_referrals: CaseReferralsTable;
  case_links: CaseLinksTable;
  report_form_nonces: ReportFormNoncesTable;
  reporter_sessions: ReporterSessionsTable;
  report_drafts: ReportDraftsTable;
  case_stats_rollup: CaseStatsRollupTable;
  case_stats_rollup_state: CaseStatsRollupStateTable;
  public_stats_releases: PublicStatsReleasesTable;
  stats_reports: StatsReportsTable;
}
