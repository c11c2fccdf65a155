/**
 * What a reporting language (`reportLocales` beyond Italian and English) translates, area by
 * area: the report form and the receipt pages whole, and from the shared areas only the keys
 * those pages show (header, footer, skip link, language chooser, error pages, refused files).
 * A key ending in `.` stands for every key that starts with it. The parity test holds each
 * reporting language to exactly this list; anything else falls back to English.
 */
export const reportingScope: Record<string, 'all' | readonly string[]> = {
  'public-report.json': 'all',
  'public-receipt.json': 'all',
  'public.json': [
    'public.network.name',
    'public.brand.tagline',
    'public.skip_to_content',
    'public.language.',
    'public.staff_area',
    'public.footer.',
    'public.error.',
  ],
  'public-network.json': ['public.network.nav.'],
  'common.json': ['app.name', 'error.'],
  'files.json': ['files.refused.'],
};

/** Whether a key of an area's Italian catalogue is one a reporting language translates. */
export function inReportingScope(area: string, key: string): boolean {
  const scope = reportingScope[area];
  if (scope === undefined) return false;
  if (scope === 'all') return true;
  return scope.some((entry) => (entry.endsWith('.') ? key.startsWith(entry) : key === entry));
}

/**
 * The taxonomy's plain-language answers of the form (grounds, places, who did it, who it
 * happened to) are worded in Italian and English inside the published taxonomy file, which
 * never changes once published; the reporting languages word them in this area of their own,
 * keyed `report.taxonomy.<facet>.<code>`.
 */
export const reportTaxonomyArea = 'report-taxonomy.json';

export function taxonomyLabelKey(facet: string, code: string): string {
  return `report.taxonomy.${facet}.${code}`;
}
