import { Button } from 'design-react-kit';
import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { Municipality } from '../api/municipalities.ts';
import { listStatsReports, requestStatsReport, statsReportHref } from '../api/stats.ts';
import type { StatsReport } from '../api/stats.ts';
import { ErrorSummary } from '../common/ErrorSummary.tsx';
import { SelectField } from '../common/SelectField.tsx';
import { useFormErrors } from '../common/useFormErrors.ts';
import { useT } from '../i18n/useT.ts';
import { MunicipalityPicker, municipalityName } from '../network/MunicipalityPicker.tsx';

const POLL_MS = 1000;
const inProgress = (report: StatsReport) =>
  report.status === 'queued' || report.status === 'running';

function ReportProgress({ report }: { report: StatsReport }) {
  const t = useT();
  const label = t('bo.stats.reports.progressLabel', {
    year: report.year,
    territory: report.municipality?.name ?? t('bo.stats.reports.network'),
  });
  return (
    <div className="progress my-2" style={{ height: '0.75rem' }}>
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={label}
        aria-valuenow={report.progress}
        aria-valuemin={0}
        aria-valuemax={100}
        style={{ width: `${report.progress}%` }}
      />
    </div>
  );
}

/**
 * PDF reports of a year, for the network or one municipality, drawn in the background: the
 * person asks, follows the progress and downloads the file when it is ready (kept for a week).
 */
export function StatsReportsPanel() {
  const t = useT();
  const errors = useFormErrors();
  const [reports, setReports] = useState<StatsReport[] | null>(null);
  const [years, setYears] = useState<number[]>([]);
  const [year, setYear] = useState('');
  const [place, setPlace] = useState<Municipality[]>([]);
  const [sending, setSending] = useState(false);

  const refresh = useCallback(async () => {
    const answer = await listStatsReports();
    setReports(answer.reports);
    setYears(answer.years);
    setYear((chosen) => chosen || String(answer.years[1] ?? answer.years[0] ?? ''));
  }, []);

  const { showError } = errors;
  useEffect(() => {
    refresh().catch((error: unknown) => showError(error));
  }, [refresh, showError]);

  const waiting = reports?.some(inProgress) ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(() => {
      refresh().catch(() => undefined);
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [waiting, refresh]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    errors.clear();
    setSending(true);
    try {
      await requestStatsReport({ year: Number(year), municipalityCode: place[0]?.code ?? null });
      await refresh();
    } catch (error) {
      errors.showError(error);
    } finally {
      setSending(false);
    }
  }

  const territory = (report: StatsReport) =>
    report.municipality?.name ?? t('bo.stats.reports.network');
  return (
    <section className="mt-5" aria-labelledby="stats-reports-heading">
      <h2 id="stats-reports-heading" className="h4">
        {t('bo.stats.reports.heading')}
      </h2>
      <p>{t('bo.stats.reports.lead')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary
          errors={errors.errors}
          target={(field) =>
            field === 'year'
              ? { id: 'stats-report-year', label: t('bo.stats.reports.year') }
              : field === 'municipalityCode'
                ? { id: 'stats-report-place', label: t('bo.stats.reports.place') }
                : null
          }
        />
        <SelectField
          id="stats-report-year"
          label={t('bo.stats.reports.year')}
          value={year}
          onChange={setYear}
          options={years.map((value) => ({ value: String(value), label: String(value) }))}
          error={errors.messageFor('year')}
        />
        <MunicipalityPicker
          id="stats-report-place"
          legend={t('bo.stats.reports.place')}
          chosen={place}
          onChange={setPlace}
          single
          error={errors.messageFor('municipalityCode')}
        />
        <p className="small">
          {place[0]
            ? t('bo.stats.reports.forPlace', { place: municipalityName(place[0]) })
            : t('bo.stats.reports.forNetwork')}
        </p>
        <Button type="submit" color="primary" disabled={sending || year === ''}>
          {t('bo.stats.reports.request')}
        </Button>
      </form>
      <div aria-live="polite">
        {reports && reports.length > 0 && (
          <ul className="list-unstyled mt-4">
            {reports.map((report) => (
              <li key={report.id} className="mb-3">
                <strong>
                  {report.year}, {territory(report)}
                </strong>
                {': '}
                {report.status === 'done' && (
                  <a href={statsReportHref(report.id)} download>
                    {t('bo.stats.reports.download', {
                      year: report.year,
                      territory: territory(report),
                    })}
                  </a>
                )}
                {report.status === 'failed' && t('bo.stats.reports.failed')}
                {inProgress(report) && (
                  <>
                    {t(`bo.stats.reports.status.${report.status}`, {
                      progress: report.progress,
                    })}
                    <ReportProgress report={report} />
                  </>
                )}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
