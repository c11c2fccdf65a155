import { apiRequest } from './client.ts';

/** The questions the statistics screen asks, as they travel in its address and to the API. */
export const statsQueryKeys = [
  'rows',
  'rows2',
  'columns',
  'population',
  'from',
  'to',
  'ground',
  'domain',
  'metric',
  'trend',
] as const;
export type StatsQuery = Record<(typeof statsQueryKeys)[number], string>;

export { dimensions } from '../../../src/core/stats/dimensions.ts';

export interface ProtectedCount {
  /** Null when hidden by disclosure control. */
  value: number | null;
  suppressed: 'hidden' | null;
}

interface CodeLabel {
  code: string;
  label: string;
}

export interface CrossTab {
  population: 'reports' | 'cases';
  period: { from: string | null; to: string | null };
  taxonomyVersion: string;
  threshold: number;
  /** Every shown count moved by at most 2, the same way for the same cases. */
  perturbed: boolean;
  rowDimensions: { dimension: string; label: string }[];
  columnDimension: { dimension: string; label: string } | null;
  rows: CodeLabel[][];
  columns: CodeLabel[];
  cells: ProtectedCount[][];
  rowTotals: ProtectedCount[];
  columnTotals: ProtectedCount[];
  grandTotal: ProtectedCount;
  rowsMaySumToMore: boolean;
  columnsMaySumToMore: boolean;
  suppressedCount: number;
}

export interface Intersectional {
  total: ProtectedCount;
  singleGround: ProtectedCount;
  multipleGrounds: ProtectedCount;
  notClassified: ProtectedCount;
  combinations: { grounds: CodeLabel[]; count: ProtectedCount }[];
  otherCombinations: ProtectedCount;
}

/** The filters every statistic of the screen shares, as the API takes them. */
function filterQuery(query: StatsQuery): Record<string, string> {
  return Object.fromEntries(
    Object.entries({
      population: query.population,
      from: query.from,
      to: query.to,
      ground: query.ground,
      domain: query.domain,
    }).filter(([, value]) => value !== ''),
  );
}

/** The API's query: the rows as one list, empty choices left out. */
export function apiQuery(query: StatsQuery): Record<string, string> {
  const rows = [query.rows || 'ground', query.rows2].filter(Boolean).join(',');
  const entries = Object.entries({
    rows,
    columns: query.columns,
    ...filterQuery(query),
  }).filter(([, value]) => value !== '');
  return Object.fromEntries(entries);
}

export function getCrossTab(query: StatsQuery): Promise<CrossTab> {
  return apiRequest('GET', '/api/stats/crosstab', { query: apiQuery(query) });
}

export function getIntersectional(query: StatsQuery): Promise<Intersectional> {
  return apiRequest('GET', '/api/stats/intersectional', { query: filterQuery(query) });
}

export interface StatsMap {
  regionName: string;
  metric: 'rate' | 'count';
  threshold: number;
  perturbed: boolean;
  populationYear: number | null;
  svg: string;
  legend: { key: string; label: string; fill: string; count: number; hatched: boolean }[];
  rows: {
    code: string;
    name: string;
    population: number;
    count: number | null;
    rate: number | null;
    unstable: boolean;
  }[];
  other: { label: string; count: number | null } | null;
  withoutReports: number;
  total: number | null;
  attribution: string;
}

/** The region's municipalities coloured by count or rate, for the same filters. */
export function getStatsMap(query: StatsQuery): Promise<StatsMap> {
  return apiRequest('GET', '/api/stats/map', {
    query: { ...filterQuery(query), metric: query.metric || 'rate' },
  });
}

/** Counts by period (year, quarter or month) for the same filters: the trend. */
export function getTrend(query: StatsQuery): Promise<CrossTab> {
  return apiRequest('GET', '/api/stats/crosstab', {
    query: { ...filterQuery(query), rows: query.trend || 'year' },
  });
}

/** The same table's row totals as an SVG chart, shown as an image. */
export function chartHref(query: StatsQuery): string {
  return `/api/stats/crosstab/chart?${new URLSearchParams(apiQuery(query)).toString()}`;
}

/** Where the same table downloads, in a format offices open. */
export function exportHref(query: StatsQuery, format: 'csv' | 'xlsx' | 'json'): string {
  const params = new URLSearchParams({ ...apiQuery(query), format });
  return `/api/stats/crosstab/export?${params.toString()}`;
}

export interface StatsReport {
  id: string;
  year: number;
  municipality: { code: string; name: string } | null;
  locale: 'it' | 'en';
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  createdAt: string;
  finishedAt: string | null;
  expiresAt: string;
}

export function listStatsReports(): Promise<{ reports: StatsReport[]; years: number[] }> {
  return apiRequest('GET', '/api/stats/reports');
}

export function requestStatsReport(body: {
  year: number;
  municipalityCode: string | null;
}): Promise<StatsReport> {
  return apiRequest('POST', '/api/stats/reports', { body });
}

export function statsReportHref(id: string): string {
  return `/api/stats/reports/${id}/download`;
}

/** The trend's counts as a chart (columns by period). */
export function trendChartHref(query: StatsQuery): string {
  const params = new URLSearchParams({ ...filterQuery(query), rows: query.trend || 'year' });
  return `/api/stats/crosstab/chart?${params.toString()}`;
}
