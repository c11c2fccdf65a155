import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, type App } from '../../src/http/app.ts';
import { migrate } from '../../src/db/migrate.ts';
import { loadReferenceData } from '../../src/modules/reference/load-reference-data.ts';
import { seedDemoData, type DemoCredential } from '../../src/seed/demo.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import { testConfig } from '../helpers/test-app.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface BrowserHarness {
  baseUrl: string;
  app: App;
  browser: Browser;
  demo: DemoCredential[];
  /** A fresh browser context (cookies, storage); `javaScriptEnabled: false` for no-JS checks. */
  newPage(options?: { javaScriptEnabled?: boolean; mobile?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The real server on a free loopback port with the demo network, and Debian's Chromium. */
export async function startHarness(): Promise<BrowserHarness> {
  const database: TestDatabase = await createTestDatabase({ migrate: false });
  await migrate(database.handle);
  await loadReferenceData(database.handle.db);
  const demo = await seedDemoData(database.handle.db);
  const config = testConfig({ database: database.config });
  const app = await buildApp({ config, database: database.handle, version: '0.0.0-browser' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  const baseUrl = `http://127.0.0.1:${address.port}`;

  const browser = await chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const contexts: BrowserContext[] = [];
  return {
    baseUrl,
    app,
    browser,
    demo,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL: baseUrl,
        javaScriptEnabled: options.javaScriptEnabled ?? true,
        locale: 'it-IT',
        ...(options.mobile
          ? { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
          : { viewport: { width: 1280, height: 900 } }),
      });
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await app.close();
      await database.drop();
    },
  };
}

export function demoUser(harness: BrowserHarness, role: DemoCredential['role']): DemoCredential {
  const user = harness.demo.find((credential) => credential.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page (through the DevTools protocol, so the page's strict CSP stays on)
 * and fails with a readable list of violations of WCAG 2.1 A and AA.
 */
export async function expectNoAxeViolations(page: Page, label: string): Promise<void> {
  // A string is evaluated by the DevTools protocol itself, which the page's CSP does not govern.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> };
    };
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations;
  });
  const readable = (violations as AxeViolation[]).map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes
        .map((node) => node.target.join(' '))
        .join(', ')}`,
  );
  expect(readable, `axe-core violations on ${label}`).toEqual([]);
}
