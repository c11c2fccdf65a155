import type { Locale } from '../../../i18n/i18n.ts';
import { renderAnnualReportPdf, type PlaceRate } from './annual-report-pdf.ts';
import type { PublicRelease } from './public-releases.ts';

// A released year never changes (nor do the year before and the ISTAT populations beside it),
// so its report is drawn once per language and kept: drawing takes a few hundred milliseconds
// of CPU, which a public address should not cost per visit.
const MAX_REPORTS = 24;
const reports = new Map<string, Promise<Buffer>>();

/** The report of a released year, from memory after the first request. */
export function annualReportPdf(
  release: PublicRelease,
  options: {
    locale: Locale;
    releaseDelayDays: number;
    /** What the report shows beside the release, read only when it is drawn. */
    extras: () => Promise<{ previous: PublicRelease | null; placeRates: readonly PlaceRate[] }>;
  },
): Promise<Buffer> {
  const key = `${release.year}:${options.locale}:${release.releasedAt.toISOString()}:${options.releaseDelayDays}`;
  let report = reports.get(key);
  if (!report) {
    report = options.extras().then((extras) =>
      renderAnnualReportPdf(release, {
        locale: options.locale,
        edition: { kind: 'release', releaseDelayDays: options.releaseDelayDays },
        ...extras,
      }),
    );
    reports.set(key, report);
    report.catch(() => reports.delete(key));
    if (reports.size > MAX_REPORTS) reports.delete(reports.keys().next().value!);
  }
  return report;
}
