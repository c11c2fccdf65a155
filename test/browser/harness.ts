import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { App } from '../../src/http/app.ts';
import { translate } from '../../src/i18n/i18n.ts';
import type { DemoCredential } from '../../src/seed/demo.ts';
import { launchChromium, startDemoServer } from '../helpers/demo-server.ts';

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface BrowserHarness {
  baseUrl: string;
  app: App;
  browser: Browser;
  demo: DemoCredential[];
  /** A fresh browser context (cookies, storage); `javaScriptEnabled: false` for no-JS checks. */
  newPage(options?: { javaScriptEnabled?: boolean; mobile?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** The real server with the demo network, and Debian's Chromium. */
export async function startHarness(): Promise<BrowserHarness> {
  const server = await startDemoServer();
  const { app, baseUrl, demo } = server;
  const browser = await launchChromium();
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
      await server.close();
    },
  };
}

export function demoUser(harness: BrowserHarness, role: DemoCredential['role']): DemoCredential {
  const user = harness.demo.find((credential) => credential.role === role);
  if (!user) throw new Error(`no demo user with role ${role}`);
  return user;
}

/** Signs the demo account of this role in through the back office's (Italian) login form. */
export async function signInAs(
  harness: BrowserHarness,
  page: Page,
  role: DemoCredential['role'],
): Promise<void> {
  const user = demoUser(harness, role);
  await page.goto('/app/login');
  await page.getByLabel(translate('it', 'bo.login.email')).fill(user.email);
  await page.getByLabel(translate('it', 'bo.login.password'), { exact: true }).fill(user.password);
  await page.getByRole('button', { name: translate('it', 'bo.login.submit') }).click();
  await page.getByRole('button', { name: translate('it', 'bo.header.signOut') }).waitFor();
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
