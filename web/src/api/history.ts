import { apiRequest } from './client.ts';
import type { HistoryEntry } from './organisations.ts';

/** Names of the municipality codes and organisation ids a history's changes hold. */
export interface HistoryLabels {
  municipalities: Record<string, string>;
  organisations: Record<string, string>;
}

export interface HistoryPage {
  items: HistoryEntry[];
  labels: HistoryLabels;
}

export function organisationHistoryPage(id: string): Promise<HistoryPage> {
  return apiRequest('GET', `/api/organisations/${encodeURIComponent(id)}/history`);
}

export function helpDeskHistoryPage(id: string): Promise<HistoryPage> {
  return apiRequest('GET', `/api/help-desks/${encodeURIComponent(id)}/history`);
}
