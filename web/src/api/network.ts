import { apiRequest } from './client.ts';
import type { OrganisationFilters } from './organisations.ts';

/** The filters the back-office map understands (the list's, without the text search). */
export const mapFilterKeys = ['kind', 'member', 'role', 'unar', 'status'] as const;
export type MapFilters = Partial<Record<(typeof mapFilterKeys)[number], string>>;

export interface NetworkMap {
  regionCode: string;
  regionName: string;
  /** A complete, self-contained SVG document (role="img", title and description). */
  svg: string;
  /** `fill` is the #rrggbb colour of the category on the map, for the legend's swatch. */
  legend: { key: string; label: string; count: number; fill: string }[];
  rows: { istatCode: string; name: string; provinceAcronym: string | null; category: string }[];
  attribution: string;
}

export function getNetworkMap(filters: MapFilters): Promise<NetworkMap> {
  return apiRequest('GET', '/api/network/map', { query: { ...filters } });
}

export interface RowPlan {
  row: number;
  name: string;
  organisationId: string | null;
  changes: Record<string, { from: unknown; to: unknown }>;
}

export interface ImportPreview {
  previewId: string;
  fileName: string;
  rows: number;
  create: RowPlan[];
  update: RowPlan[];
  unchanged: number;
  rejected: { row: number; column: string; reason: string }[];
  ignoredColumns: string[];
}

export interface ImportResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Uploads a mapping survey (CSV or XLSX): nothing is saved until the preview is confirmed. */
export function previewImport(file: File): Promise<ImportPreview> {
  const body = new FormData();
  body.append('file', file);
  return apiRequest('POST', '/api/network/import/preview', { body });
}

export function confirmImport(previewId: string): Promise<ImportResult> {
  return apiRequest('POST', `/api/network/import/${encodeURIComponent(previewId)}/confirm`);
}

export const exportFormats = ['csv', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof exportFormats)[number];

/** The directory download with the list's filters (a same-origin GET: no CSRF token). */
export function exportUrl(format: ExportFormat, filters: OrganisationFilters): string {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value !== '') params.set(key, value);
  }
  return `/api/organisations/export?${params.toString()}`;
}
