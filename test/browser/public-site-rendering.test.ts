import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const pages = [
  '/it',
  '/en',
  '/it/accessibilita',
  '/en/accessibility',
  '/it/privacy',
  '/en/privacy',
  '/it/fonti-dati',
  '/en/data-sources',
  '/en/no-such-page',
];

/** Opens a page and lists what must never happen: console warnings or errors, off-site requests. */
async function visit(harness: BrowserHarness, page: Page, path: string) {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${harness.baseUrl}/`) && !url.startsWith('data:')) {
      problems.push(`request to ${url}`);
    }
  });
  const response = await page.goto(path, { waitUntil: 'load' });
  return { status: response?.status(), problems };
}

// The pages carry no JavaScript; these checks need it only to measure from the DevTools side.
describe('public site rendering', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('loads every page from this server only, with no CSP or console errors', async () => {
    for (const path of pages) {
      const page = await harness.newPage();
      const { status, problems } = await visit(harness, page, path);
      // The browser logs a failed load for the 404 status itself; nothing else is allowed.
      const unexpected = problems.filter((problem) => !(status === 404 && problem.includes('404')));
      expect(status, path).toBe(path.includes('no-such-page') ? 404 : 200);
      expect(unexpected, path).toEqual([]);
      await page.close();
    }
  });

  it('draws the text in Titillium Web, served by the platform', async () => {
    const page = await harness.newPage();
    await visit(harness, page, '/it');
    const loaded = await page.evaluate(async () => {
      await document.fonts.ready;
      return [...document.fonts]
        .filter((font) => font.status === 'loaded')
        .map((font) => `${font.family.replaceAll('"', '')} ${font.weight}`);
    });
    expect(loaded).toContain('Titillium Web 400');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(
      /^"?Titillium Web/,
    );
  });

  it('fits a 360 px phone without horizontal scrolling and stays accessible there', async () => {
    for (const path of ['/it', '/en/privacy', '/it/fonti-dati', '/en/no-such-page']) {
      const page = await harness.newPage({ mobile: true });
      await visit(harness, page, path);
      const widths = await page.evaluate(() => ({
        content: document.documentElement.scrollWidth,
        viewport: window.innerWidth,
      }));
      expect(widths.viewport, path).toBe(360);
      expect(widths.content, path).toBeLessThanOrEqual(360);
      const other = path.startsWith('/it') ? 'English' : 'Italiano';
      expect(await page.getByRole('link', { name: other, exact: true }).isVisible(), path).toBe(
        true,
      );
      expect(
        await page
          .getByRole('banner')
          .getByRole('link', { name: /Area riservata|Staff sign-in/ })
          .isVisible(),
        path,
      ).toBe(true);
      await expectNoAxeViolations(page, `${path} at 360 px`);
      await page.close();
    }
  });

  it('keeps the home page light: no script, and little to transfer on a first visit', async () => {
    const page = await harness.newPage();
    await visit(harness, page, '/it');
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const transfer = await page.evaluate(() => {
      const entries = [
        ...performance.getEntriesByType('navigation'),
        ...performance.getEntriesByType('resource'),
      ] as PerformanceResourceTiming[];
      return {
        bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
        scripts: entries.filter((entry) => entry.initiatorType === 'script').length,
      };
    });
    expect(await page.locator('script').count()).toBe(0);
    expect(transfer.scripts).toBe(0);
    // Page, Bootstrap Italia's CSS (Brotli) and three weights of Titillium Web.
    expect(transfer.bytes).toBeLessThan(160_000);
  });

  it('lets a keyboard user skip to the main content', async () => {
    const page = await harness.newPage();
    await page.goto('/it');
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Vai al contenuto principale');
    expect(await focused.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });
});
