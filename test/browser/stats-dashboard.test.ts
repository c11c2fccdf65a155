import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { buildStaffReport } from '../../src/modules/stats/staff-reports.ts';
import { expectNoAxeViolations, signInAs, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

describe('equality data in the back office', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('lets an analyst pivot the counts, keep the view in the address and download it', async () => {
    const page = await harness.newPage();
    await signInAs(harness, page, 'analyst');

    await page
      .getByRole('navigation', { name: it_('bo.nav.label') })
      .getByRole('link', { name: it_('bo.stats.nav'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: it_('bo.stats.title') }).waitFor();
    // The cross-tab comes first; the trend and the map have tables of their own below.
    const table = page.getByRole('table').first();
    await table.waitFor();
    expect(await table.innerText()).toContain('Origine razziale o etnica');
    expect(await page.locator('.bo-stats-figures').innerText()).toContain(
      it_('bo.stats.figures.multiple'),
    );
    // The reader is told the figures are perturbed, and why.
    await page.getByText(it_('bo.stats.perturbationNote')).waitFor();
    const chart = page.getByRole('img', { name: it_('bo.stats.chartAlt') });
    await chart.waitFor();
    await page.waitForFunction(
      "document.querySelector('.bo-stats-chart img')?.complete === true && document.querySelector('.bo-stats-chart img').naturalWidth > 0",
    );
    await expectNoAxeViolations(page, 'statistics dashboard');

    await page.getByLabel(it_('bo.stats.rows'), { exact: true }).selectOption('domain');
    await page.getByLabel(it_('bo.stats.columns')).selectOption('year');
    await page.getByRole('button', { name: it_('bo.stats.show') }).click();
    await page.waitForURL(/rows=domain/);
    expect(page.url()).toContain('columns=year');
    await page.getByRole('columnheader', { name: it_('stats.dimension.domain') }).waitFor();
    expect(await table.innerText()).toContain('Casa');
    const csv = page.getByRole('link', { name: 'CSV' });
    expect(await csv.getAttribute('href')).toBe(
      '/api/stats/crosstab/export?rows=domain&columns=year&format=csv',
    );
    await expectNoAxeViolations(page, 'statistics dashboard, pivoted');

    // The same view, opened from its address, shows the same table.
    await page.reload();
    await page.getByRole('columnheader', { name: it_('stats.dimension.domain') }).waitFor();
  });

  it('draws a PDF report in the background, shows its progress and offers it when ready', async () => {
    const page = await harness.newPage();
    await signInAs(harness, page, 'analyst');
    await page.goto('/app/stats');
    const year = String(new Date().getUTCFullYear() - 1);
    await page.getByLabel(it_('bo.stats.reports.year')).selectOption(year);
    await page.getByRole('button', { name: it_('bo.stats.reports.request') }).click();
    const territory = it_('bo.stats.reports.network');
    const progress = page.getByRole('progressbar', {
      name: it_('bo.stats.reports.progressLabel', { year, territory }),
    });
    // Queued at 0 %: the bar has no width yet, the words say it is waiting.
    await progress.waitFor({ state: 'attached' });
    expect(await page.getByText(it_('bo.stats.reports.status.queued')).count()).toBe(1);
    await expectNoAxeViolations(page, 'statistics dashboard, report in progress');

    // The worker's part, as pg-boss would run it in the server.
    const db = harness.app.deps.database.db;
    const queued = await db
      .selectFrom('stats_reports')
      .select('id')
      .where('status', '=', 'queued')
      .executeTakeFirstOrThrow();
    await buildStaffReport(db, harness.app.deps.config, queued.id);

    const link = page.getByRole('link', {
      name: it_('bo.stats.reports.download', { year, territory }),
    });
    await link.waitFor();
    expect(await progress.count()).toBe(0);
    await expectNoAxeViolations(page, 'statistics dashboard, report ready');
    const file = await page.request.get((await link.getAttribute('href'))!);
    expect(file.headers()['content-type']).toBe('application/pdf');
    expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('shows the trend and the map by count or rate, each with its table, following the filters', async () => {
    const page = await harness.newPage();
    await signInAs(harness, page, 'node_coordinator');
    await page.goto('/app/stats');
    const trend = page.getByRole('table', { name: /variazione sul periodo precedente/ });
    await trend.waitFor();
    const year = String(new Date().getUTCFullYear() - 1);
    expect(await trend.getByRole('rowheader', { name: year }).count()).toBe(1);
    const map = page.getByRole('img', { name: /Mappa dei comuni di Toscana/ });
    await map.waitFor();
    const places = page.getByRole('table', { name: /nei comuni di Toscana con segnalazioni/ });
    expect(await places.innerText()).toContain('Firenze');
    await expectNoAxeViolations(page, 'statistics dashboard with trend and map');

    // Each section asks again only for what changed: the map's metric is not a new cross-tab.
    const asked: string[] = [];
    page.on('request', (request) => {
      const { pathname } = new URL(request.url());
      if (pathname.startsWith('/api/stats/')) asked.push(pathname);
    });
    await page.getByLabel(it_('bo.stats.map.metric')).selectOption('count');
    await page.waitForURL(/metric=count/);
    await page.getByText(/colorati secondo il numero di segnalazioni/).waitFor();
    expect(asked).toEqual(['/api/stats/map']);
    await page.getByLabel(it_('bo.stats.trend.period')).selectOption('quarter');
    await page.waitForURL(/trend=quarter/);
    await page.getByRole('columnheader', { name: it_('stats.dimension.quarter') }).waitFor();
    // The period asks for the trend's table and chart alone: no key figures, no second map.
    await expect
      .poll(() => [...asked].sort(), { timeout: 5_000 })
      .toEqual(['/api/stats/crosstab', '/api/stats/crosstab/chart', '/api/stats/map']);

    await page.getByLabel(it_('bo.stats.ground'), { exact: true }).selectOption('disability');
    await page.getByRole('button', { name: it_('bo.stats.show') }).click();
    await page.waitForURL(/ground=disability/);
    // The same view from its address: filters, metric and period come back.
    await page.reload();
    await page.getByText(/colorati secondo il numero di segnalazioni/).waitFor();
    expect(await page.getByLabel(it_('bo.stats.ground'), { exact: true }).inputValue()).toBe(
      'disability',
    );
    await expectNoAxeViolations(page, 'statistics dashboard filtered by ground');
  });
});
