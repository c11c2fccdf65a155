import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

describe('back office in the browser', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  async function signIn(page: Page, role: Parameters<typeof demoUser>[1]) {
    const user = demoUser(harness, role);
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();
    return user;
  }

  it('shows a translated error for a wrong password and keeps the e-mail typed', async () => {
    const page = await harness.newPage();
    await page.goto('/app/login');
    await expectNoAxeViolations(page, 'sign-in page');
    await page.getByLabel(it_('bo.login.email')).fill('admin@demo.osservatorio.test');
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill('not the password');
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByText(it_('error.invalid_credentials')).first().waitFor();
    expect(await page.getByLabel(it_('bo.login.email')).inputValue()).toBe(
      'admin@demo.osservatorio.test',
    );
    await expectNoAxeViolations(page, 'sign-in page with an error');
  });

  it('lets an administrator sign in, manage users, and sign out', async () => {
    const page = await harness.newPage();
    const admin = await signIn(page, 'network_admin');
    expect(page.url()).toMatch(/\/app\/?$/);
    await expectNoAxeViolations(page, 'home');

    await page
      .getByRole('link', { name: it_('bo.nav.users') })
      .first()
      .click();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').innerText()).toContain(admin.email);
    await expectNoAxeViolations(page, 'users list');

    await page.getByRole('link', { name: it_('bo.users.create') }).click();
    await page.getByLabel(it_('bo.users.field.email')).waitFor();
    await expectNoAxeViolations(page, 'new user form');
    await page.getByLabel(it_('bo.users.field.email')).fill('nuova.operatrice@example.org');
    await page.getByLabel(it_('bo.users.field.displayName')).fill('Nuova Operatrice');
    await page.getByLabel(it_('bo.users.field.password')).fill('una password lunga 2026');
    await page
      .getByLabel(it_('bo.memberships.organisation', { n: 1 }))
      .selectOption({ label: 'Anci Toscana' });
    await page.getByLabel(it_('bo.memberships.role', { n: 1 })).selectOption('operator');
    await page.getByRole('button', { name: it_('bo.users.createSubmit') }).click();
    await page.getByText('nuova.operatrice@example.org').first().waitFor();
    expect(page.url()).toMatch(/\/app\/users\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, 'user detail');

    await page.getByRole('button', { name: it_('bo.users.status.disable') }).click();
    await page.getByRole('button', { name: it_('bo.users.status.disableYes') }).click();
    await page.getByText(it_('bo.users.status.nowDisabled')).waitFor();

    await page
      .getByRole('link', { name: it_('bo.nav.profile') })
      .first()
      .click();
    await page.getByRole('heading', { name: it_('bo.profile.title'), level: 1 }).waitFor();
    await expectNoAxeViolations(page, 'profile');

    await page.goto('/app/questa-pagina-non-esiste');
    await page.getByRole('heading', { name: it_('bo.notFound.title') }).waitFor();
    await expectNoAxeViolations(page, 'back-office 404');

    await page.getByRole('button', { name: it_('bo.header.signOut') }).click();
    await page.getByLabel(it_('bo.login.email')).waitFor();
    const session = await page.evaluate(async () => (await fetch('/api/auth/session')).json());
    expect(session).toMatchObject({ user: null });
  });

  it('switches the back office to English', async () => {
    const page = await harness.newPage();
    await signIn(page, 'operator');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: translate('en', 'bo.header.signOut') }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectNoAxeViolations(page, 'home in English');
  });

  it('shows an auditor the audit log and verifies the chain', async () => {
    const page = await harness.newPage();
    await signIn(page, 'auditor');
    await page
      .getByRole('link', { name: it_('bo.nav.audit') })
      .first()
      .click();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('table').innerText()).toContain('auth.login');
    await expectNoAxeViolations(page, 'audit log');
    await page.getByRole('button', { name: it_('bo.audit.verify.button') }).click();
    await page
      .getByText(/Catena integra|integra/)
      .first()
      .waitFor();
    await expectNoAxeViolations(page, 'audit log after verification');
  });

  it('hides what a role may not do: an operator has no users or audit pages', async () => {
    const page = await harness.newPage();
    await signIn(page, 'operator');
    expect(await page.getByRole('link', { name: it_('bo.nav.users') }).count()).toBe(0);
    await page.goto('/app/audit');
    await page.getByRole('heading', { name: it_('bo.notFound.title') }).waitFor();
  });
});
