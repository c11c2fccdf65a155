import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

describe('equality data in the back office', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('lets an analyst pivot the counts, keep the view in the address and download it', async () => {
    const page = await harness.newPage();
    const user = demoUser(harness, 'analyst');
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();

    await page
      .getByRole('navigation', { name: it_('bo.nav.label') })
      .getByRole('link', { name: it_('bo.stats.nav'), exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: it_('bo.stats.title') }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.innerText()).toContain('Origine razziale o etnica');
    expect(await page.locator('.bo-stats-figures').innerText()).toContain(
      it_('bo.stats.figures.multiple'),
    );
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
});
