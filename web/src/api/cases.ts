import type { ConsentPurpose } from '../../../src/core/cases/consent.ts';
import type { DatePrecision } from '../../../src/core/cases/vocabularies.ts';
import type { CaseStatus } from '../../../src/core/cases/workflow.ts';
import { apiRequest } from './client.ts';
import type { Page } from './types.ts';

/** Shapes of `src/modules/cases/schemas.ts` and `src/modules/taxonomy/routes.ts`. */
export interface Named {
  id: string;
  name: string;
}
export interface Person {
  id: string;
  displayName: string;
}
export interface Overdue {
  acknowledge: boolean;
  takeInCharge: boolean;
}
export type CaseAccess = 'team' | 'referral';

export interface CaseListItem {
  id: string;
  reference: string;
  title: string | null;
  status: CaseStatus;
  channel: string;
  receivedAt: string;
  acknowledgeDueOn: string;
  takeInChargeDueOn: string;
  overdue: Overdue;
  organisation: Named | null;
  helpDesk: Named | null;
  assignee: Person | null;
  grounds: string[] | null;
  domains: string[] | null;
  intersectional: boolean | null;
  /** Another case shares a fingerprint and nobody has linked the two yet; null outside the team. */
  possibleDuplicate: boolean | null;
  access: CaseAccess;
}

export interface Classification {
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
}

export interface CaseClassification extends Classification {
  outcome: string | null;
  intersectional: boolean;
  classifiedAt: string | null;
  classifiedBy: Person | null;
}

export interface VictimProfile {
  ageBand: string | null;
  gender: string | null;
  citizenshipGroup: string | null;
  migrationBackground: string | null;
  residenceStatus: string | null;
}

export interface CaseEvent {
  id: number;
  kind: string;
  at: string;
  byReporter: boolean;
  actor: Person | null;
  details: Record<string, unknown>;
  body: string | null;
}

export interface CaseDetail {
  id: string;
  reference: string;
  access: CaseAccess;
  shares: string[];
  title: string | null;
  status: CaseStatus;
  source: 'public_form' | 'operator';
  channel: string;
  organisation: Named | null;
  helpDesk: Named | null;
  assignee: Person | null;
  receivedAt: string;
  acknowledgeDueOn: string;
  takeInChargeDueOn: string;
  acknowledgedAt: string | null;
  takenInChargeAt: string | null;
  finalAt: string | null;
  retentionUntil: string | null;
  erasedAt: string | null;
  overdue: Overdue;
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
    contact: {
      name: string | null;
      email: string | null;
      phone: string | null;
      preference: string | null;
    } | null;
  };
  taxonomyVersion: string;
  classification: CaseClassification | null;
  victimProfile: VictimProfile | null;
  consents: {
    purpose: ConsentPurpose;
    granted: boolean;
    textVersion: string;
    recordedAt: string;
    withdrawnAt: string | null;
  }[];
  events: CaseEvent[];
  allowedTransitions: CaseStatus[];
  rowVersion: number;
}

export interface NewCase {
  channel: string;
  narrative: string;
  title?: string | null;
  occurredOn?: string | null;
  occurredPrecision?: DatePrecision | null;
  municipalityCode?: string | null;
  online: boolean;
  onlineLink?: string | null;
  placeDetail?: string | null;
  perpetratorDetail?: string | null;
  reporterRole?: string | null;
  grounds?: string[];
  domains?: string[];
  perpetratorSectors?: string[];
  contact: { name?: string | null; email?: string | null; phone?: string | null } | null;
  consents: Record<ConsentPurpose, boolean>;
  issueReceipt: boolean;
  queue: { organisationId: string; helpDeskId?: string | null };
}

export interface CreatedCase {
  id: string;
  reference: string;
  receiptCode: string | null;
  organisationId: string | null;
  helpDeskId: string | null;
}

export const caseFilterKeys = [
  'scope',
  'status',
  'ground',
  'domain',
  'overdue',
  'receivedFrom',
  'receivedTo',
  'helpDeskId',
  'assigneeId',
  'q',
] as const;
export type CaseFilters = Partial<Record<(typeof caseFilterKeys)[number], string>>;

export interface TaxonomyEntry {
  code: string;
  parent: string | null;
  labels: { it: string; en: string };
}

export interface Taxonomy {
  version: string;
  publishedOn: string;
  versions: string[];
  facets: Record<string, TaxonomyEntry[]>;
}

const path = (id: string, rest = '') => `/api/cases/${encodeURIComponent(id)}${rest}`;

export function listCases(
  filters: CaseFilters,
  cursor: string | null,
): Promise<Page<CaseListItem>> {
  return apiRequest('GET', '/api/cases', { query: { ...filters, cursor, limit: 50 } });
}

export function createCase(input: NewCase): Promise<CreatedCase> {
  return apiRequest('POST', '/api/cases', { body: input });
}

export function getCase(id: string): Promise<CaseDetail> {
  return apiRequest('GET', path(id));
}

export function transitionCase(
  id: string,
  input: { to: CaseStatus; reason?: string | null; outcome?: string | null; rowVersion: number },
): Promise<CaseDetail> {
  return apiRequest('POST', path(id, '/transitions'), { body: input });
}

export function classifyCase(
  id: string,
  input: Classification & { rowVersion: number },
): Promise<CaseDetail> {
  return apiRequest('PUT', path(id, '/classification'), { body: input });
}

export function setVictimProfile(
  id: string,
  input: VictimProfile & { rowVersion: number },
): Promise<CaseDetail> {
  return apiRequest('PUT', path(id, '/victim-profile'), { body: input });
}

export function updateCase(
  id: string,
  input: { assigneeUserId?: string | null; title?: string | null; rowVersion: number },
): Promise<CaseDetail> {
  return apiRequest('PATCH', path(id), { body: input });
}

/** Someone the case can be given to (`assignee-routes.ts`): the case's team, by name. */
export interface AssignableUser extends Person {
  role: string;
}

export function listAssignableUsers(id: string): Promise<AssignableUser[]> {
  return apiRequest('GET', path(id, '/assignable-users'));
}

export function reassignCase(
  id: string,
  input: {
    helpDeskId: string | null;
    organisationId: string | null;
    reason: string;
    rowVersion: number;
  },
): Promise<{ id: string }> {
  return apiRequest('POST', path(id, '/reassign'), { body: input });
}

export function getTaxonomy(version?: string): Promise<Taxonomy> {
  return apiRequest('GET', '/api/taxonomy', { query: { version } });
}

/** The timeline routes (`src/modules/cases/timeline-routes.ts`). */
export interface CaseAction {
  id: string;
  kind: string;
  doneOn: string;
  actor: Person | null;
  outcome: string | null;
  createdAt: string;
}

export interface CaseDocument {
  id: string;
  source: 'reporter' | 'operator';
  fileName: string | null;
  mediaType: string;
  sizeBytes: number;
  description: string | null;
  addedBy: Person | null;
  addedAt: string;
  erased: boolean;
}

export interface CaseDeadline {
  id: string;
  title: string | null;
  dueOn: string;
  remindOn: string;
  assignee: Person | null;
  doneAt: string | null;
  remindedAt: string | null;
}

export interface CaseTimeline {
  events: CaseEvent[];
  actions: CaseAction[];
  documents: CaseDocument[];
  deadlines: CaseDeadline[];
}

export interface CaseMessage {
  id: string;
  direction: 'to_reporter' | 'from_reporter';
  body: string;
  author: Person | null;
  createdAt: string;
  readAt: string | null;
}

export function getTimeline(id: string): Promise<CaseTimeline> {
  return apiRequest('GET', path(id, '/timeline'));
}

export function addNote(id: string, body: string): Promise<{ id: string }> {
  return apiRequest('POST', path(id, '/notes'), { body: { body } });
}

export function addAction(
  id: string,
  input: { kind: string; doneOn: string; outcome: string | null },
): Promise<{ id: string }> {
  return apiRequest('POST', path(id, '/actions'), { body: input });
}

export function addDeadline(
  id: string,
  input: { title: string; dueOn: string; remindOn: string | null; assigneeUserId: string },
): Promise<{ id: string }> {
  return apiRequest('POST', path(id, '/deadlines'), { body: input });
}

export function setDeadlineDone(id: string, deadlineId: string, done: boolean): Promise<unknown> {
  return apiRequest('PATCH', path(id, `/deadlines/${encodeURIComponent(deadlineId)}`), {
    body: { done },
  });
}

export function listMessages(id: string): Promise<{ canSend: boolean; messages: CaseMessage[] }> {
  return apiRequest('GET', path(id, '/messages'));
}

export function sendMessage(id: string, body: string): Promise<{ id: string }> {
  return apiRequest('POST', path(id, '/messages'), { body: { body } });
}
