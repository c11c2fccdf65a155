import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

describe('public data pages in the browser', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('lets a reader on a phone without JavaScript pick a year and read its figures', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
    await page.goto('/it');
    await page.getByRole('link', { name: 'Dati', exact: true }).first().click();
    expect(new URL(page.url()).pathname).toBe('/it/dati');
    const year = String(new Date().getUTCFullYear() - 1);
    await page.getByLabel('Anno').selectOption(year);
    await page.getByRole('button', { name: 'Mostra' }).click();
    expect(new URL(page.url()).search).toBe(`?period=${year}`);
    expect(await page.locator('p.lead').innerText()).toContain(year);
    const charts = page.getByRole('img', { name: /Segnalazioni per/ });
    expect(await charts.count()).toBe(3);
    // Nothing wider than the phone: charts and tables scale or scroll inside their box.
    const width = await page.evaluate('document.documentElement.scrollWidth');
    expect(width).toBeLessThanOrEqual(360);
    const table = page.getByRole('table', { name: /per mese di ricezione/ });
    expect(await table.getByRole('row').count()).toBe(13);
    await page.getByRole('link', { name: /metodologia/i }).click();
    expect(await page.locator('h1').innerText()).toBe('Metodologia dei dati');
  });

  it('downloads the report of the year as a PDF whose pages render and read like the page', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false });
    const year = String(new Date().getUTCFullYear() - 1);
    await page.goto(`/it/dati?period=${year}`);
    const reports = await page.locator('.site-figures dd').first().innerText();
    const link = page.getByRole('link', { name: `Scarica il rapporto ${year} (PDF accessibile)` });
    const href = await link.getAttribute('href');
    const response = await page.request.get(href!);
    expect(response.headers()['content-type']).toBe('application/pdf');
    // Rendered and read back with poppler (Debian's poppler-utils, installed by .ci/run).
    const folder = mkdtempSync(join(tmpdir(), 'report-'));
    try {
      const file = join(folder, 'report.pdf');
      writeFileSync(file, await response.body());
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      expect(text).toContain(`Dati sulle discriminazioni: rapporto ${year}`);
      expect(text).toMatch(
        new RegExp(`segnalazioni ricevute\\s+${reports.replaceAll('.', '\\.')}`),
      );
      expect(text).toContain('Metodologia dei dati');
      // Rates per 100,000 by municipality, and the change against the year before.
      expect(text).toMatch(/Abitanti\s+Ogni 100\.000/);
      expect(text).toContain(`Rispetto al ${Number(year) - 1}:`);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Tagged:\s+yes/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(text).toContain(`Pagina ${pages} di ${pages}`);
      execFileSync('pdftoppm', ['-r', '40', '-png', file, join(folder, 'page')]);
      const images = readdirSync(folder).filter((name) => name.endsWith('.png'));
      expect(images).toHaveLength(pages);
      for (const image of images) expect(statSync(join(folder, image)).size).toBeGreaterThan(2_000);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  for (const path of ['/it/dati', '/en/data', '/it/dati/metodologia', '/en/data/methodology']) {
    it(`has no WCAG 2.1 AA violations and no console error on ${path}`, async () => {
      const page = await harness.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      expect((await page.goto(path))?.status()).toBe(200);
      await expectNoAxeViolations(page, path);
      expect(errors, 'browser console errors (CSP, missing files)').toEqual([]);
    });
  }
});
