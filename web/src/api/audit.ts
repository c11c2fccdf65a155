import { apiRequest } from './client.ts';
import type { AuditEntry, AuditFilters, ChainVerification, Page } from './types.ts';

export const AUDIT_PAGE_SIZE = 50;

export function listAudit(filters: AuditFilters, cursor: string | null): Promise<Page<AuditEntry>> {
  return apiRequest<Page<AuditEntry>>('GET', '/api/audit', {
    query: { ...filters, cursor, limit: AUDIT_PAGE_SIZE },
  });
}

export function verifyAuditChain(): Promise<ChainVerification> {
  return apiRequest<ChainVerification>('GET', '/api/audit/verify');
}
