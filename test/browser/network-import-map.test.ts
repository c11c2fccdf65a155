import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

/** A mapping survey as Excel saves it in Italy: semicolons, one good row, one bad one. */
const survey = Buffer.from(
  'Nome;Tipo;Comune;Email;Territori\r\n' +
    'Associazione Prova Importazione;Associazione;Siena;info@prova-importazione.it;Siena, poggibonsi\r\n' +
    'Ente sconosciuto;Pianeta;Siena;;\r\n',
  'utf8',
);

describe('network map, import and export in the back office', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  async function signIn(page: Page) {
    const user = demoUser(harness, 'network_admin');
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();
  }

  it('shows the map with its table and the filters in the address', async () => {
    const page = await harness.newPage();
    await signIn(page);
    await page
      .getByRole('navigation', { name: it_('bo.nav.label') })
      .getByRole('link', { name: it_('bo.network.map.nav'), exact: true })
      .click();
    const table = page.getByRole('table');
    await table.waitFor();
    const text = await table.innerText();
    expect(text).toContain('Firenze');
    expect(text).toContain('Pisa');
    expect(await page.getByRole('img', { name: /Toscana/ }).count()).toBe(1);
    const src = await page.getByRole('img', { name: /Toscana/ }).getAttribute('src');
    expect(src).toMatch(/^data:image\/svg\+xml;base64,/);
    await expectNoAxeViolations(page, 'network map');

    const legend = page.getByRole('list', { name: it_('bo.network.map.legend') });
    const before = await legend.innerText();
    await page.getByLabel(it_('bo.network.field.kind')).selectOption('university');
    await page.getByRole('button', { name: it_('bo.network.filter.submit') }).click();
    await page.waitForURL(/kind=university/);
    await page.getByText(it_('bo.network.map.leadFiltered', { region: 'Toscana' })).waitFor();
    // The lead sentence follows the address at once; the legend follows when the new map
    // arrives, so wait for it rather than read it in between.
    await expect.poll(() => legend.innerText(), { timeout: 10_000 }).not.toBe(before);
  });

  it('imports a survey after a preview, and exports with the filters', async () => {
    const page = await harness.newPage();
    await signIn(page);
    await page.goto('/app/network');
    await page.getByRole('link', { name: it_('bo.network.import.link') }).click();
    await page.getByRole('heading', { level: 1, name: it_('bo.network.import.title') }).waitFor();
    await expectNoAxeViolations(page, 'import form');
    // The help lists the organisation columns and those of the help-desk sheet.
    const help = await page.locator('#network-import-file-help').innerText();
    expect(help).toContain('Territori');
    expect(help).toContain('Comuni di competenza');

    await page.getByLabel(it_('bo.network.import.file')).setInputFiles({
      name: 'mappatura.csv',
      mimeType: 'text/csv',
      buffer: survey,
    });
    await page.getByRole('button', { name: it_('bo.network.import.upload') }).click();
    const preview = page.getByRole('region', {
      name: it_('bo.network.import.previewTitle', { file: 'mappatura.csv' }),
    });
    await preview.waitFor();
    const previewText = await preview.innerText();
    expect(previewText).toContain('Associazione Prova Importazione');
    expect(previewText).toContain(it_('bo.network.import.count.create', { count: 1 }));
    expect(previewText).toContain(it_('bo.network.import.count.rejected', { count: 1 }));
    expect(previewText).toContain('Pianeta');
    // Territories typed without accents or capitals are shown by their names.
    expect(previewText).toContain('Poggibonsi, Siena');
    await expectNoAxeViolations(page, 'import preview');

    await page.getByRole('button', { name: it_('bo.network.import.confirm') }).click();
    await page.getByRole('heading', { name: it_('bo.network.import.done') }).waitFor();
    expect(
      await page
        .getByText(it_('bo.network.import.resultCounts', { created: 1, updated: 0, unchanged: 0 }))
        .count(),
    ).toBe(1);
    await expectNoAxeViolations(page, 'import result');

    await page
      .getByRole('link', { name: it_('bo.network.import.backToList') })
      .last()
      .click();
    await page.getByLabel(it_('bo.network.filter.query')).fill('prova importazione');
    await page.getByRole('button', { name: it_('bo.network.filter.submit') }).click();
    await page.waitForURL(/query=prova/);
    await page.getByRole('link', { name: 'Associazione Prova Importazione' }).waitFor();

    await page.goto('/app/network?kind=association&unar=yes');
    const exports = page.getByRole('navigation', { name: it_('bo.network.export.label') });
    for (const [label, format] of [
      [it_('bo.network.export.csv'), 'csv'],
      [it_('bo.network.export.xlsx'), 'xlsx'],
      [it_('bo.network.export.json'), 'json'],
    ] as const) {
      const href = await exports.getByRole('link', { name: label }).getAttribute('href');
      const url = new URL(href ?? '', harness.baseUrl);
      expect(url.pathname).toBe('/api/organisations/export');
      expect(url.searchParams.get('format')).toBe(format);
      expect(url.searchParams.get('kind')).toBe('association');
      expect(url.searchParams.get('unar')).toBe('yes');
    }
    const csvHref = await exports.getByRole('link', { name: 'CSV (Excel)' }).getAttribute('href');
    const download = await page.request.get(csvHref ?? '');
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toContain('attachment');
  });
});
