import { apiRequest } from '../api/client.ts';
import type { Named, Person } from '../api/cases.ts';

/**
 * Referrals, possible duplicates and documents (`src/modules/cases/referral-routes.ts`,
 * `document-routes.ts`).
 */
export type ReferralStatus = 'pending' | 'accepted' | 'declined' | 'revoked';

export interface CaseReferral {
  id: string;
  status: ReferralStatus;
  shares: string[];
  toOrganisation: Named | null;
  toUser: Person | null;
  note: string | null;
  statusReason: string | null;
  createdAt: string;
  respondedAt: string | null;
}

export interface IncomingReferral {
  id: string;
  caseId: string;
  reference: string;
  caseStatus: string;
  status: ReferralStatus;
  shares: string[];
  fromOrganisation: Named | null;
  note: string | null;
  createdAt: string;
}

const casePath = (id: string, rest: string) => `/api/cases/${encodeURIComponent(id)}${rest}`;

export function listReferrals(caseId: string): Promise<CaseReferral[]> {
  return apiRequest('GET', casePath(caseId, '/referrals'));
}

export function createReferral(
  caseId: string,
  input: { toOrganisationId: string; shares: string[]; note: string | null },
): Promise<{ id: string }> {
  return apiRequest('POST', casePath(caseId, '/referrals'), { body: input });
}

export function answerReferral(
  caseId: string,
  referralId: string,
  step: 'accept' | 'decline' | 'revoke',
  reason: string | null,
): Promise<{ id: string; status: string }> {
  return apiRequest(
    'POST',
    casePath(caseId, `/referrals/${encodeURIComponent(referralId)}/${step}`),
    { body: reason ? { reason } : {} },
  );
}

export function listIncomingReferrals(): Promise<IncomingReferral[]> {
  return apiRequest('GET', '/api/referrals/incoming');
}

export type LinkKind = 'duplicate' | 'related';
export type MatchKind = 'email' | 'phone' | 'narrative';

/**
 * A case sharing a fingerprint with this one. One the reader may open comes with its reference;
 * any other only with what the server still tells of it (its desk, its month, what matched),
 * each of which may be left out.
 */
export type PossibleDuplicate =
  | {
      visible: true;
      caseId: string;
      reference: string;
      status: string;
      receivedAt: string;
      organisation: Named | null;
      matches: MatchKind[];
      link: LinkKind | null;
    }
  | {
      visible: false;
      organisationName?: string | null;
      receivedMonth?: string | null;
      matches?: MatchKind[];
    };

export function listPossibleDuplicates(caseId: string): Promise<PossibleDuplicate[]> {
  return apiRequest('GET', casePath(caseId, '/possible-duplicates'));
}

export function linkCase(caseId: string, linkedCaseId: string, kind: LinkKind): Promise<unknown> {
  return apiRequest('POST', casePath(caseId, '/links'), { body: { linkedCaseId, kind } });
}

export function unlinkCase(caseId: string, linkedCaseId: string): Promise<void> {
  return apiRequest('DELETE', casePath(caseId, `/links/${encodeURIComponent(linkedCaseId)}`));
}

export function uploadDocument(
  caseId: string,
  file: File,
  description: string,
): Promise<{ id: string }> {
  const form = new FormData();
  if (description.trim()) form.append('description', description.trim());
  form.append('file', file);
  return apiRequest('POST', casePath(caseId, '/documents'), { body: form });
}

export function removeDocument(caseId: string, documentId: string): Promise<void> {
  return apiRequest('DELETE', casePath(caseId, `/documents/${encodeURIComponent(documentId)}`));
}

/** Served as an attachment with its own no-store headers; a plain link downloads it. */
export function documentUrl(caseId: string, documentId: string): string {
  return casePath(caseId, `/documents/${encodeURIComponent(documentId)}`);
}
