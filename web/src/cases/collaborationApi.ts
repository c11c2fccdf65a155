import { apiRequest } from '../api/client.ts';
import type { Named, Person } from '../api/cases.ts';

/** Referrals and documents (`src/modules/cases/referral-routes.ts`, `document-routes.ts`). */
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
