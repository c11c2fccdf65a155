import { apiRequest } from './client.ts';
import type { Page } from './types.ts';
import type { Municipality } from './municipalities.ts';

export interface Interval {
  opens: string;
  closes: string;
}

export type HoursException =
  { date: string; closed: true } | { date: string; intervals: Interval[] };

/** As in `src/core/opening-hours.ts`: weekday keys '1' (Monday) … '7'. */
export interface OpeningHours {
  weekly: Partial<Record<string, Interval[]>>;
  exceptions: HoursException[];
  closedOnPublicHolidays: boolean;
  localHolidays?: string[];
}
export type AccessMode = 'appointment' | 'walk_in' | 'both';

export interface HelpDeskSummary {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  municipalityCode: string;
  municipalityName: string;
  status: 'active' | 'inactive';
  services: string[];
  languages: string[];
  channels: string[];
  accessMode: AccessMode;
}

export interface HelpDesk extends HelpDeskSummary {
  description: string | null;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  onlineUrl: string | null;
  accessibility: string[];
  openingHours: OpeningHours;
  competentMunicipalities: Municipality[];
  canEdit: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface HelpDeskInput {
  organisationId: string;
  name: string;
  description: string | null;
  municipalityCode: string;
  address: string | null;
  postalCode: string | null;
  latitude: number | null;
  longitude: number | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  onlineUrl: string | null;
  channels: string[];
  services: string[];
  languages: string[];
  accessibility: string[];
  accessMode: AccessMode;
  openingHours: OpeningHours;
  competentMunicipalityCodes: string[];
  status: 'active' | 'inactive';
}

export function getHelpDesk(id: string): Promise<HelpDesk> {
  return apiRequest('GET', `/api/help-desks/${encodeURIComponent(id)}`);
}

export function createHelpDesk(input: HelpDeskInput): Promise<HelpDesk> {
  return apiRequest('POST', '/api/help-desks', { body: input });
}

export function updateHelpDesk(id: string, input: Partial<HelpDeskInput>): Promise<HelpDesk> {
  return apiRequest('PATCH', `/api/help-desks/${encodeURIComponent(id)}`, { body: input });
}

/** A row of the help-desk list, with the municipalities it serves (the first few by name). */
export interface HelpDeskListItem extends HelpDeskSummary {
  competentMunicipalityCount: number;
  competentMunicipalityNames: string[];
}

export const helpDeskFilterKeys = [
  'query',
  'organisationId',
  'municipality',
  'service',
  'language',
  'status',
] as const;
export type HelpDeskFilters = Partial<Record<(typeof helpDeskFilterKeys)[number], string>>;

export function searchHelpDesks(
  filters: HelpDeskFilters,
  cursor: string | null,
  limit = 50,
): Promise<Page<HelpDeskListItem>> {
  return apiRequest('GET', '/api/help-desks', { query: { ...filters, cursor, limit } });
}
