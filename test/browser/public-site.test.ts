import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

describe('public site in the browser', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('shows the network home page on a phone with JavaScript disabled', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
    const response = await page.goto('/');
    expect(response?.status()).toBe(200);
    expect(page.url()).toBe(`${harness.baseUrl}/it`);
    expect(await page.getAttribute('html', 'lang')).toBe('it');
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('main').innerText()).toContain('Anci Toscana');
    const footer = page.locator('footer');
    for (const name of [/accessibilità/i, /privacy/i, /fonti/i]) {
      expect(await footer.getByRole('link', { name }).count()).toBeGreaterThan(0);
    }
  });

  it('switches language with a visible link, keeps it in the URL and remembers it', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false });
    await page.goto('/it');
    await page
      .getByRole('link', { name: /English/ })
      .first()
      .click();
    expect(page.url()).toBe(`${harness.baseUrl}/en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await page.goto('/');
    expect(page.url()).toBe(`${harness.baseUrl}/en`);
  });

  for (const path of [
    '/it',
    '/en',
    '/it/accessibilita',
    '/en/accessibility',
    '/it/privacy',
    '/en/privacy',
    '/it/fonti-dati',
    '/en/data-sources',
    '/it/pagina-che-non-esiste',
  ]) {
    it(`has no WCAG 2.1 AA violations on ${path}`, async () => {
      const page = await harness.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const response = await page.goto(path);
      await expectNoAxeViolations(page, path);
      const pageStatus = response?.status() ?? 0;
      // The 404 page itself logs its status; anything else (CSP, a missing file) is a defect.
      const unexpected = errors.filter((error) => !(pageStatus === 404 && error.includes('404')));
      expect(unexpected, 'browser console errors (CSP, missing files)').toEqual([]);
    });
  }
});
