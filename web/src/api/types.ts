/** Shapes of the JSON the server answers, as written in the API contract. */

export type Language = 'it' | 'en';

export interface Membership {
  organisationId: string;
  organisationName: string;
  role: string;
}

export interface MembershipInput {
  organisationId: string;
  role: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  totpEnabled: boolean;
  memberships: Membership[];
  permissions: string[];
}

export interface SessionState {
  user: SessionUser | null;
  csrfToken: string;
}

export type LoginResult =
  | { status: 'signed_in'; user: SessionUser; csrfToken: string }
  | { status: 'second_factor_required'; csrfToken: string };

export interface TotpSetup {
  secret: string;
  otpauthUri: string;
  qrSvg: string;
}

export interface UserSummary {
  id: string;
  email: string;
  displayName: string;
  preferredLanguage: Language;
  disabled: boolean;
  totpEnabled: boolean;
  lastLoginAt: string | null;
  memberships: Membership[];
}

export interface NewUser {
  email: string;
  displayName: string;
  password: string;
  preferredLanguage: Language;
  memberships: MembershipInput[];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Organisation {
  id: string;
  name: string;
  kind: string;
  municipalityCode: string | null;
  municipalityName: string | null;
  status: string;
  networkRole: string | null;
}

export type AuditOutcome = 'success' | 'denied' | 'failure';

export interface AuditEntry {
  id: number;
  occurredAt: string;
  actorUserId: string | null;
  actorLabel: string | null;
  action: string;
  outcome: AuditOutcome;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

export interface AuditFilters {
  action?: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

export type ChainVerification =
  | { ok: true; checked: number }
  | { ok: false; checked: number; brokenAt: number; reason: 'content_altered' | 'link_broken' };
