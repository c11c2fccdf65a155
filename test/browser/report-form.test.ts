import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORM_TOKEN_MIN_AGE_MS } from '../../src/core/intake-guard.ts';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

// axe-core needs the page's own timers, which do not run with JavaScript disabled: the no-JS
// journey checks behaviour, the same pages are checked with axe-core with JavaScript on.

describe('reporting a discrimination in the browser', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('files a report on a phone with JavaScript off, through every step, and shows the receipt', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
    page.setDefaultTimeout(20_000);
    const noOverflow = async () =>
      expect(
        await page.evaluate(
          'document.documentElement.scrollWidth - document.documentElement.clientWidth',
        ),
      ).toBeLessThanOrEqual(0);
    const next = () => page.getByRole('button', { name: 'Salva e continua' }).click();

    await page.goto('/it');
    await page.getByRole('link', { name: 'Segnala una discriminazione' }).first().click();
    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala`);
    await page.getByRole('link', { name: 'Inizia' }).click();
    const formOpenedAt = Date.now();

    // Step 1, first without an answer: the error is named at the top and on the field.
    expect(await page.locator('main').innerText()).toContain('Passo 1 di 8');
    await next();
    const summary = page.locator('#error-summary');
    expect(await summary.innerText()).toContain('Scrivi cosa è successo');
    await page
      .getByLabel('Cosa è successo?')
      .fill('In un bar di Firenze non mi hanno servito per il colore della pelle.');
    await noOverflow();
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala/2`);
    await page.getByLabel('Ricordo solo l’anno').check({ force: true });
    await page.getByLabel('Anno', { exact: true }).fill('2025');
    await next();
    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala/3`);

    // The back button shows the previous step as answered (once step 3 has fully loaded: going
    // back while its navigation still commits can catch the page between two documents).
    await page.waitForLoadState('load');
    await page.goBack();
    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala/2`);
    expect(await page.getByLabel('Ricordo solo l’anno').isChecked()).toBe(true);
    expect(await page.getByLabel('Anno', { exact: true }).inputValue()).toBe('2025');
    await next();
    await page.getByLabel('In un luogo fisico (un comune)').check({ force: true });
    await page.getByLabel('Comune', { exact: true }).fill('firenze');
    await page.getByLabel('In un bar, ristorante o locale').check({ force: true });
    await noOverflow();
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala/4`);
    await page.getByLabel('È successo a me').check({ force: true });
    await page.getByLabel(/^Un.azienda, un negozio/).check({ force: true });
    await next();
    await page.getByLabel('Per la mia origine o il colore della pelle').check({ force: true });
    await page.getByLabel('Età', { exact: true }).selectOption('25_34');
    await next();
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala/7`);
    await page.getByLabel('No, resto anonimo o anonima').check({ force: true });
    await page.getByLabel(/Lo sportello può leggere e gestire/).check({ force: true });
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/it/segnala/8`);
    expect(await page.locator('main').innerText()).toContain('Firenze (FI)');
    await noOverflow();
    // A person takes longer than the few seconds under which the form refuses a sending as
    // a robot's; a fast machine can click through in less.
    await page.waitForTimeout(Math.max(0, formOpenedAt + FORM_TOKEN_MIN_AGE_MS + 500 - Date.now()));
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();

    const code = await page.locator('.site-report-code').innerText();
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(page.url()).not.toContain(code.replaceAll(' ', ''));
    await noOverflow();
  }, 300_000);

  it('passes axe-core on every step, an error and the receipt (JavaScript on, same pages)', async () => {
    const page = await harness.newPage({ javaScriptEnabled: true, mobile: true });
    page.setDefaultTimeout(20_000);
    const errors: string[] = [];
    page.on('console', (message) => {
      // The validation pages answer 400 on purpose; anything else would be a script error.
      if (message.type() === 'error' && !message.text().includes('status of 400')) {
        errors.push(message.text());
      }
    });
    const next = () => page.getByRole('button', { name: 'Salva e continua' }).click();
    await page.goto('/it/segnala');
    await expectNoAxeViolations(page, 'report intro');
    await page.goto('/it/segnala/1');
    await next();
    await page.locator('#error-summary').waitFor();
    await expectNoAxeViolations(page, 'step 1 with an error');
    await page.getByLabel('Cosa è successo?').fill('Prova con JavaScript.');
    await next();
    await page.waitForURL('**/it/segnala/2');
    for (const step of [2, 3, 4, 5, 6]) {
      await page.goto(`/it/segnala/${step}`);
      await expectNoAxeViolations(page, `step ${step}`);
    }
    await page.goto('/it/segnala/3');
    await page.getByLabel('In un luogo fisico (un comune)').check({ force: true });
    await page.getByLabel('Comune', { exact: true }).fill('Castro');
    await next();
    await page.locator('#error-summary').waitFor();
    await expectNoAxeViolations(page, 'step 3 with suggestions');
    await page.goto('/it/segnala/4');
    await page.getByLabel('Ho assistito a quello che è successo').check({ force: true });
    await next();
    await page.goto('/it/segnala/7');
    await expectNoAxeViolations(page, 'step 7');
    await page.getByLabel('No, resto anonimo o anonima').check({ force: true });
    await page.getByLabel(/Lo sportello può leggere e gestire/).check({ force: true });
    await next();
    await page.waitForURL('**/it/segnala/8');
    await expectNoAxeViolations(page, 'review');
    // The site's own script solves the proof of work and adds it to the form.
    await page.waitForSelector('input[name="pow_solution"]', {
      state: 'attached',
      timeout: 60_000,
    });
    await page.waitForTimeout(3_000);
    await page.getByRole('button', { name: 'Invia la segnalazione' }).click();
    expect(await page.locator('.site-report-code').innerText()).toMatch(
      /^\d{4} \d{4} \d{4} \d{4}$/,
    );
    await expectNoAxeViolations(page, 'receipt');
    expect(errors).toEqual([]);
  }, 300_000);
});
