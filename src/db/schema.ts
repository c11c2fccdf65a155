import type { ColumnType, Generated } from 'kysely';

/** Timestamps are written as Date or ISO string and read back as Date. */
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type UpdatedAt = ColumnType<Date, Date | string | undefined, Date | string>;

export type OrganisationKind =
  | 'municipality'
  | 'union_of_municipalities'
  | 'region'
  | 'association'
  | 'help_desk'
  | 'university'
  | 'health_social_consortium'
  | 'equality_body'
  | 'other_public_body';

export type NetworkRole = 'lead_partner' | 'partner' | 'node' | 'antenna' | 'associate';

export type { Role } from '../core/policy.ts';
import type { Role } from '../core/policy.ts';

export interface MunicipalitiesTable {
  istat_code: string;
  name: string;
  search_name: string;
  province_code: string;
  province_name: string;
  province_acronym: string;
  region_code: string;
  region_name: string;
  cadastral_code: string;
  population: number;
  population_year: number;
}

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  kind: OrganisationKind;
  municipality_code: string | null;
  description: string | null;
  website: string | null;
  status: Generated<'active' | 'inactive'>;
  network_role: NetworkRole | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  preferred_language: Generated<'it' | 'en'>;
  totp_secret_encrypted: string | null;
  totp_enabled_at: Timestamp | null;
  disabled_at: Timestamp | null;
  is_demo: Generated<boolean>;
  last_login_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export interface MembershipsTable {
  id: Generated<string>;
  user_id: string;
  organisation_id: string;
  role: Role;
  created_at: CreatedAt;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  pending_second_factor: Generated<boolean>;
  created_at: CreatedAt;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface LoginThrottlesTable {
  key_hash: string;
  failures: Generated<number>;
  window_started_at: Timestamp;
  locked_until: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  target_type: string | null;
  target_id: string | null;
  details: ColumnType<Record<string, unknown>, string, never>;
  previous_hash: string;
  hash: string;
}

export interface SchemaMigrationsTable {
  name: string;
  checksum: string;
  applied_at: CreatedAt;
}

export interface ReferenceDatasetsTable {
  name: string;
  checksum: string;
  loaded_at: UpdatedAt;
}

export interface DB {
  municipalities: MunicipalitiesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  login_throttles: LoginThrottlesTable;
  schema_migrations: SchemaMigrationsTable;
  reference_datasets: ReferenceDatasetsTable;
}
