import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

describe('help-desk list in the back office', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  async function signInAsCoordinator(page: Page) {
    const user = demoUser(harness, 'node_coordinator');
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();
  }

  it('lets the coordinator filter desks by language, keep the filter in the address and open one', async () => {
    const page = await harness.newPage();
    await signInAsCoordinator(page);

    await page
      .getByRole('navigation', { name: it_('bo.nav.label') })
      .getByRole('link', { name: it_('bo.network.nav'), exact: true })
      .click();
    await page.getByRole('link', { name: it_('bo.network.helpDeskList.link') }).click();
    await page
      .getByRole('heading', { level: 1, name: it_('bo.network.helpDeskList.title') })
      .waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    expect(await table.innerText()).toContain('Sportello antidiscriminazioni di Pisa');
    await expectNoAxeViolations(page, 'help-desk list');

    await page
      .getByLabel(it_('bo.network.helpDeskList.language'))
      .selectOption({ label: it_('network.language.zh') });
    await page.getByRole('button', { name: it_('bo.network.filter.submit') }).click();
    await page.waitForURL(/language=zh/);
    const prato = 'Punto di ascolto multilingue di Prato';
    await page.getByText(it_('bo.network.helpDeskList.count', { count: 1 })).waitFor();
    const text = await table.innerText();
    expect(text).toContain(prato);
    expect(text).not.toContain('Sportello antidiscriminazioni di Pisa');
    expect(text).toContain(it_('network.language.zh'));
    await expectNoAxeViolations(page, 'help-desk list, filtered');

    // The filter survives a reload: it lives in the address.
    await page.reload();
    await page.getByRole('link', { name: prato }).waitFor();
    expect(await page.getByLabel(it_('bo.network.helpDeskList.language')).inputValue()).toBe('zh');

    await page.getByRole('link', { name: prato }).click();
    await page.getByRole('heading', { level: 1, name: prato }).waitFor();
    await page.getByRole('region', { name: it_('bo.network.history.title') }).waitFor();
    await expectNoAxeViolations(page, 'help-desk page from the list');
  });

  it('offers on the map only the filters that can colour it, and says what it colours', async () => {
    const page = await harness.newPage();
    await signInAsCoordinator(page);

    await page.goto('/app/network/map');
    await page.getByText(it_('bo.network.map.explain')).waitFor();
    expect(await page.locator('#network-status').count()).toBe(0);
    const member = await page.locator('#network-member option').allInnerTexts();
    expect(member).not.toContain(it_('bo.network.no'));
  });
});
