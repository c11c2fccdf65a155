import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postMessage } from '../../src/modules/cases/case-messages.ts';
import { createCase } from '../../src/modules/cases/create-case.ts';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const PISA = '050026';

async function expectFitsThePhone(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow, `${label} is wider than the screen`).toBeLessThanOrEqual(0);
}

/**
 * axe-core runs in a page with JavaScript on (the reporter's page has it off, where no script
 * can run): the same address, opened with the same cookies in a second page.
 */
async function checkAccessibility(
  harness: BrowserHarness,
  from: Page,
  label: string,
): Promise<void> {
  const page = await harness.newPage({ mobile: true });
  await page.context().addCookies(await from.context().cookies());
  await page.goto(from.url());
  await expectNoAxeViolations(page, label);
  await page.close();
}

describe('the receipt channel in the browser', () => {
  let harness: BrowserHarness;
  let code: string;
  let reference: string;
  const question = 'Ci può dire in quale giorno è successo, più o meno?';

  beforeAll(async () => {
    harness = await startHarness();
    const { database, config } = harness.app.deps;
    const created = await createCase(database.db, config, {
      source: 'public_form',
      channel: 'web_form',
      narrative: 'Mi hanno negato un appartamento in affitto per il mio cognome.',
      municipalityCode: PISA,
      online: false,
      contact: null,
      locale: 'it',
      reporterRole: null,
      grounds: [],
      domains: [],
      perpetratorSectors: [],
      consents: { handling: true, sharing: false, statistics: true, contact: false },
      createdBy: null,
      issueReceipt: true,
    });
    code = created.receiptCode!;
    reference = created.reference;
    await postMessage(database.db, config, {
      caseId: created.id,
      direction: 'to_reporter',
      body: question,
      authorUserId: null,
    });
  });
  afterAll(() => harness.close());

  it(
    'signs in with the receipt on a phone without JavaScript, reads the question and answers it',
    {
      timeout: 120_000,
    },
    async () => {
      const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
      await page.goto('/it');
      await page.getByRole('link', { name: 'Controlla la tua segnalazione' }).first().click();
      expect(page.url()).toBe(`${harness.baseUrl}/it/ricevuta`);
      await checkAccessibility(harness, page, 'the receipt sign-in page');
      await expectFitsThePhone(page, 'the sign-in page');

      // A mistyped code: the page says so, keeps what was typed, and stays accessible.
      await page.getByLabel('Codice di ricevuta').fill('1234 5678 9012');
      await page.getByRole('button', { name: 'Apri la segnalazione' }).click();
      expect(await page.locator('main').innerText()).toContain('è fatto di 16 cifre');
      const withScripts = await harness.newPage({ mobile: true });
      await withScripts.goto('/it/ricevuta');
      await withScripts.getByLabel('Codice di ricevuta').fill('1234 5678 9012');
      await withScripts.getByRole('button', { name: 'Apri la segnalazione' }).click();
      expect(await withScripts.locator('main').innerText()).toContain('è fatto di 16 cifre');
      await expectNoAxeViolations(withScripts, 'the sign-in page with an error');
      await withScripts.close();

      await page.getByLabel('Codice di ricevuta').fill(code.replaceAll(/(\d{4})(?=\d)/g, '$1 '));
      await page.getByRole('button', { name: 'Apri la segnalazione' }).click();
      expect(page.url()).toBe(`${harness.baseUrl}/it/ricevuta/stato`);
      const status = await page.locator('main').innerText();
      expect(status).toContain(reference);
      expect(status).toContain('in attesa di essere esaminata');
      expect(status).toContain('Lo sportello ti ha scritto un messaggio che non hai ancora letto.');
      await checkAccessibility(harness, page, 'the status page');
      await expectFitsThePhone(page, 'the status page');

      await page.getByRole('link', { name: 'Leggi i messaggi' }).click();
      expect(page.url()).toBe(`${harness.baseUrl}/it/ricevuta/messaggi`);
      expect(await page.locator('main').innerText()).toContain(question);
      await checkAccessibility(harness, page, 'the messages page');
      await expectFitsThePhone(page, 'the messages page');

      await page
        .getByLabel('Scrivi allo sportello')
        .fill('Era un martedì di marzo, nel pomeriggio.');
      await page.getByRole('button', { name: 'Invia il messaggio' }).click();
      expect(page.url()).toBe(`${harness.baseUrl}/it/ricevuta/messaggi?done=sent`);
      const after = await page.locator('main').innerText();
      expect(after).toContain('Il messaggio è stato inviato allo sportello.');
      expect(after).toContain('Era un martedì di marzo, nel pomeriggio.');
      await checkAccessibility(harness, page, 'the messages page after answering');

      for (const [name, path] of [
        ['Aggiungi informazioni', '/it/ricevuta/aggiungi'],
        ['Consensi', '/it/ricevuta/consensi'],
        ['Ritira la segnalazione', '/it/ricevuta/ritira'],
      ] as const) {
        await page.getByRole('link', { name, exact: true }).first().click();
        expect(page.url()).toBe(`${harness.baseUrl}${path}`);
        await checkAccessibility(harness, page, path);
        await expectFitsThePhone(page, path);
      }

      // The same pages in English, for the same session, from the language chooser.
      await page.locator('.site-language-chooser summary').click();
      await page.getByRole('link', { name: 'English' }).click();
      expect(page.url()).toBe(`${harness.baseUrl}/en/receipt/withdraw`);
      await checkAccessibility(harness, page, 'the English withdrawal page');

      await page.getByRole('button', { name: 'Sign out' }).click();
      expect(page.url()).toBe(`${harness.baseUrl}/en/receipt?done=signed_out`);
      expect(await page.locator('main').innerText()).toContain('You have signed out.');
      await checkAccessibility(harness, page, 'the sign-in page after signing out');
      await page.goto('/it/ricevuta/stato');
      expect(await page.locator('main').innerText()).toContain(
        'inserisci di nuovo il codice di ricevuta',
      );
    },
  );
});
