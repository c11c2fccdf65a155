import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

describe('network map in the back office', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  async function signIn(page: Page, role: Parameters<typeof demoUser>[1] = 'network_admin') {
    const user = demoUser(harness, role);
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();
  }

  async function chooseMunicipality(page: Page, inputId: string, typed: string, name: string) {
    await page.locator(`#${inputId}`).fill(typed);
    await page.getByRole('button', { name: it_('bo.network.picker.add', { name }) }).click();
  }

  it('lists, filters and edits organisations, and creates a help desk with hours', async () => {
    const page = await harness.newPage();
    await signIn(page);

    await page
      .getByRole('navigation', { name: it_('bo.nav.label') })
      .getByRole('link', { name: it_('bo.network.nav'), exact: true })
      .click();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').innerText()).toContain('Comune di Firenze');
    await expectNoAxeViolations(page, 'network list');

    // Filters go to the URL; the search ignores accents on the server.
    await page.getByLabel(it_('bo.network.field.kind')).selectOption('association');
    await page.getByLabel(it_('bo.network.filter.query')).fill('arci');
    await page.getByRole('button', { name: it_('bo.network.filter.submit') }).click();
    await page.waitForURL(/kind=association/);
    expect(page.url()).toContain('query=arci');
    const organisation = 'Arci Comitato Regionale Toscana';
    await page.getByRole('link', { name: organisation }).waitFor();
    expect(await page.getByRole('table').innerText()).not.toContain('Comune di Firenze');

    await page.getByRole('link', { name: organisation }).click();
    await page.getByRole('heading', { level: 1, name: organisation }).waitFor();
    await page.locator('#organisation-phone').waitFor();
    await expectNoAxeViolations(page, 'organisation page');

    await page.locator('#organisation-phone').fill('055 1234567');
    await page.getByRole('button', { name: it_('bo.network.save') }).click();
    await page.getByRole('status').getByText(it_('bo.saved')).waitFor();
    const history = page.getByRole('region', { name: it_('bo.network.history.title') });
    await history.getByText('055 1234567').first().waitFor();
    expect(await history.innerText()).toContain(it_('bo.network.field.phone'));

    // A new help desk for this organisation, first with overlapping Monday hours.
    await page.getByRole('link', { name: it_('bo.network.helpDesks.create') }).click();
    await page.locator('#help-desk-name').waitFor();
    await page.locator('#help-desk-name').fill('Sportello di prova');
    await page.locator('#help-desk-phone').fill('055 7654321');
    await page.locator('label[for=help-desk-channels-phone]').click();
    await page.locator('label[for=help-desk-services-listening]').click();
    await page.locator('label[for=help-desk-languages-it]').click();
    await chooseMunicipality(page, 'help-desk-municipalityCode', 'Firen', 'Firenze (FI)');
    await chooseMunicipality(page, 'help-desk-competentMunicipalityCodes', 'Prat', 'Prato (PO)');
    const monday = it_('bo.network.weekday.1');
    const addMonday = page.getByRole('button', {
      name: it_('bo.network.hours.addInterval', { day: monday }),
    });
    await addMonday.click();
    await addMonday.click();
    await page.locator('#help-desk-openingHours-weekly-1-1-opens').fill('12:00');
    await page.locator('#help-desk-openingHours-weekly-1-1-closes').fill('15:00');
    await expectNoAxeViolations(page, 'new help desk form');
    await page.getByRole('button', { name: it_('bo.network.helpDesks.createSubmit') }).click();

    const overlap = page.locator('#help-desk-openingHours-weekly-1-1-opens-error');
    await overlap.waitFor();
    expect(await overlap.innerText()).toBe(it_('network.hours.overlap'));
    expect(
      await page.locator('#help-desk-openingHours-weekly-1-1-opens').getAttribute('aria-invalid'),
    ).toBe('true');
    await expectNoAxeViolations(page, 'help desk form with an error');

    await page.locator('#help-desk-openingHours-weekly-1-1-opens').fill('14:00');
    await page.getByRole('button', { name: it_('bo.network.helpDesks.createSubmit') }).click();
    await page.getByRole('heading', { level: 1, name: 'Sportello di prova' }).waitFor();
    expect(await page.locator('#help-desk-openingHours-weekly-1-1-opens').inputValue()).toBe(
      '14:00',
    );
    expect(await page.getByText('Prato (PO)').count()).toBeGreaterThan(0);
    await expectNoAxeViolations(page, 'help desk page');

    await page.locator('#help-desk-phone').fill('055 7654322');
    await page.getByRole('button', { name: it_('bo.network.save') }).click();
    await page.getByRole('status').getByText(it_('bo.saved')).waitFor();
    const deskHistory = page.getByRole('region', { name: it_('bo.network.history.title') });
    await deskHistory.getByText('055 7654322').first().waitFor();
    // The history names municipalities and translates codes instead of showing them raw.
    const historyText = await deskHistory.innerText();
    expect(historyText).toContain('Prato');
    expect(historyText).not.toContain('100005');
    expect(historyText).toContain(it_('network.service.listening'));
  });

  it('shows organisations and help desks read-only to an operator', async () => {
    const page = await harness.newPage();
    await signIn(page, 'operator');
    await page.goto('/app/network?query=pisa');
    const organisation = 'Sportello antidiscriminazioni di Pisa';
    await page.getByRole('link', { name: organisation }).click();
    await page.getByRole('heading', { level: 1, name: organisation }).waitFor();
    await page.getByRole('heading', { name: it_('bo.network.section.details') }).waitFor();
    expect(await page.getByRole('button', { name: it_('bo.network.save') }).count()).toBe(0);
    await expectNoAxeViolations(page, 'organisation page, read-only');

    const desks = page.getByRole('region', { name: it_('bo.network.helpDesks.title') });
    await desks.getByRole('link').first().click();
    await page.getByRole('heading', { name: it_('bo.network.section.hours') }).waitFor();
    expect(await page.getByRole('button', { name: it_('bo.network.save') }).count()).toBe(0);
    await expectNoAxeViolations(page, 'help desk page, read-only');
  });

  it('creates an organisation, showing a server error at its field', async () => {
    const page = await harness.newPage();
    await signIn(page);
    await page.goto('/app/network');
    await page.getByRole('link', { name: it_('bo.network.create') }).click();
    await page.locator('#organisation-name').waitFor();
    await page.locator('#organisation-name').fill('Associazione di prova');
    await page.locator('#organisation-kind').selectOption('association');
    await page.locator('#organisation-email').fill('non-una-email');
    await chooseMunicipality(page, 'organisation-municipalityCode', 'Luc', 'Lucca (LU)');
    await expectNoAxeViolations(page, 'new organisation form');
    await page.getByRole('button', { name: it_('bo.network.createSubmit') }).click();
    await page.locator('#organisation-email-error').waitFor();
    await expectNoAxeViolations(page, 'new organisation form with an error');

    await page.locator('#organisation-email').fill('info@prova.example.org');
    await page.getByRole('button', { name: it_('bo.network.createSubmit') }).click();
    await page.getByRole('heading', { level: 1, name: 'Associazione di prova' }).waitFor();
    expect(await page.locator('#organisation-email').inputValue()).toBe('info@prova.example.org');
  });
});
