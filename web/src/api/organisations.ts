import { apiRequest } from './client.ts';
import type { HelpDeskSummary } from './help-desks.ts';
import type { Municipality } from './municipalities.ts';
import type { Organisation as OrganisationListItem, Page } from './types.ts';

export const organisationKinds = [
  'municipality',
  'union_of_municipalities',
  'region',
  'association',
  'help_desk',
  'university',
  'health_social_consortium',
  'equality_body',
  'other_public_body',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const networkRoles = ['lead_partner', 'partner', 'node', 'antenna', 'associate'] as const;
export type NetworkRole = (typeof networkRoles)[number];

export interface OrganisationSummary {
  id: string;
  name: string;
  kind: OrganisationKind;
  status: 'active' | 'inactive';
  municipalityCode: string | null;
  municipalityName: string | null;
  networkRole: NetworkRole | null;
  networkJoinedOn: string | null;
  unarProtocolSignedOn: string | null;
  helpDeskCount: number;
}

export interface Referral {
  organisationId: string;
  name: string;
  description: string | null;
}

export interface OrganisationDetail extends OrganisationSummary {
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  networkLeftOn: string | null;
  unarProtocolReference: string | null;
  /** The signed protocol's file, never its content; null when none was uploaded. */
  unarProtocolDocument: UnarProtocolDocument | null;
  territories: Municipality[];
  referralsTo: Referral[];
  referralsFrom: Referral[];
  helpDesks: HelpDeskSummary[];
  canEdit: boolean;
  canManageMembership: boolean;
  canDownloadUnarProtocol: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface UnarProtocolDocument {
  fileName: string;
  sizeBytes: number;
  uploadedAt: string;
}

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  status: 'active' | 'inactive';
  municipalityCode: string | null;
  description: string | null;
  website: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  territoryCodes: string[];
  networkRole: NetworkRole | null;
  networkJoinedOn: string | null;
  networkLeftOn: string | null;
  unarProtocolSignedOn: string | null;
  unarProtocolReference: string | null;
}

export interface HistoryEntry {
  id: number;
  changedAt: string;
  changedBy: { id: string; displayName: string } | null;
  changeKind: 'created' | 'updated' | 'imported' | 'status_changed';
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface OrganisationFilters {
  query?: string;
  kind?: string;
  status?: string;
  member?: string;
  role?: string;
  unar?: string;
}

export function searchOrganisations(
  filters: OrganisationFilters,
  cursor: string | null,
  limit = 50,
): Promise<Page<OrganisationSummary>> {
  return apiRequest('GET', '/api/organisations', { query: { ...filters, cursor, limit } });
}

/** Every organisation, in name order (the users screens' organisation choice). */
export async function listAllOrganisations(): Promise<OrganisationListItem[]> {
  const items: OrganisationListItem[] = [];
  let cursor: string | null = null;
  do {
    const page: Page<OrganisationListItem> = await apiRequest('GET', '/api/organisations', {
      query: { cursor, limit: 500 },
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const listOrganisations = listAllOrganisations;

export function getOrganisation(id: string): Promise<OrganisationDetail> {
  return apiRequest('GET', `/api/organisations/${encodeURIComponent(id)}`);
}

export function createOrganisation(input: OrganisationInput): Promise<OrganisationDetail> {
  return apiRequest('POST', '/api/organisations', { body: input });
}

export function updateOrganisation(
  id: string,
  input: Partial<OrganisationInput>,
): Promise<OrganisationDetail> {
  return apiRequest('PATCH', `/api/organisations/${encodeURIComponent(id)}`, { body: input });
}

export function replaceReferrals(
  id: string,
  referralsTo: { organisationId: string; description: string | null }[],
): Promise<OrganisationDetail> {
  return apiRequest('PUT', `/api/organisations/${encodeURIComponent(id)}/referrals`, {
    body: { referralsTo },
  });
}

export async function organisationHistory(id: string): Promise<HistoryEntry[]> {
  const page = await apiRequest<{ items: HistoryEntry[] }>(
    'GET',
    `/api/organisations/${encodeURIComponent(id)}/history`,
  );
  return page.items;
}

const unarProtocolPath = (id: string) =>
  `/api/organisations/${encodeURIComponent(id)}/unar-protocol-document`;

/** The download address of the signed protocol (served as an attachment, never inline). */
export function unarProtocolDocumentUrl(id: string): string {
  return unarProtocolPath(id);
}

/** Uploads the signed protocol (a PDF; the server checks the content and removes metadata). */
export function uploadUnarProtocolDocument(id: string, file: File): Promise<UnarProtocolDocument> {
  const body = new FormData();
  body.append('file', file, file.name);
  return apiRequest('PUT', unarProtocolPath(id), { body });
}

export function removeUnarProtocolDocument(id: string): Promise<void> {
  return apiRequest('DELETE', unarProtocolPath(id));
}
