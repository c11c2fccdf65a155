import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

async function expectFitsThePhone(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(
    'document.documentElement.scrollWidth - document.documentElement.clientWidth',
  );
  expect(overflow, `${label} is wider than the screen`).toBeLessThanOrEqual(0);
}

/**
 * Right to left: the box of a radio button or check box (drawn by the label's ::after, over the
 * hidden input) sits to the right of its words.
 */
async function expectBoxesOnTheRight(page: Page, label: string): Promise<void> {
  const misplaced = await page.evaluate(() =>
    [...document.querySelectorAll('.form-check')]
      .filter((check) => {
        const input = check.querySelector('input')!.getBoundingClientRect();
        const box = check.querySelector('label')!.getBoundingClientRect();
        const drawn = getComputedStyle(check.querySelector('label')!, '::after');
        const boxRight = box.right - parseFloat(drawn.right);
        return input.left < box.left + box.width / 2 || Math.abs(boxRight - box.right) > 1;
      })
      .map((check) => check.textContent?.trim() ?? ''),
  );
  expect(misplaced, `${label}: boxes drawn on the left`).toEqual([]);
}

describe('reporting in the reporter’s language in the browser', () => {
  let harness: BrowserHarness;

  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  it('files a report in Arabic, right to left, on a phone with JavaScript off', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
    page.setDefaultTimeout(20_000);
    const next = () => page.getByRole('button', { name: 'احفظ وتابع' }).click();

    // The Italian form offers Arabic by its own name, in a chooser that opens without scripts.
    await page.goto('/it/segnala');
    await page.locator('.site-language-chooser summary').click();
    await page.getByRole('link', { name: 'العربية' }).click();
    expect(page.url()).toBe(`${harness.baseUrl}/ar/report`);
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('rtl');
    await expectFitsThePhone(page, 'Arabic intro');
    await page.getByRole('link', { name: 'ابدأ' }).click();

    expect(await page.locator('main').innerText()).toContain('الخطوة 1 من 8');
    await next();
    expect(await page.locator('#error-summary').innerText()).toContain('اكتب ما حدث');
    await page.getByLabel('ماذا حدث؟').fill('في مقهى في فلورنسا رفضوا خدمتي بسبب الحجاب.');
    // The "Save and continue" button starts the row from the right, as Arabic reads.
    const button = await page.getByRole('button', { name: 'احفظ وتابع' }).boundingBox();
    const main = await page.locator('main').boundingBox();
    expect(button!.x + button!.width).toBeGreaterThan(main!.x + main!.width / 2);
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/ar/report/2`);
    await expectBoxesOnTheRight(page, 'step 2');
    await page.getByLabel('أتذكر السنة فقط').check({ force: true });
    await page.getByLabel('السنة', { exact: true }).fill('2025');
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/ar/report/3`);
    await page.getByLabel('في مكان فعلي (في بلدية ما)').check({ force: true });
    await page.getByLabel('المدينة (البلدية)').fill('firenze');
    await page.getByLabel('في مقهى أو مطعم أو ملهى').check({ force: true });
    await expectFitsThePhone(page, 'Arabic step 3');
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/ar/report/4`);
    await page.getByLabel('حدث لي أنا').check({ force: true });
    await page.getByLabel('شركة، متجر، وكالة، بنك').check({ force: true });
    await next();
    await expectBoxesOnTheRight(page, 'step 5');
    await page.getByLabel('بسبب ديني أو معتقداتي').check({ force: true });
    await next();
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/ar/report/7`);
    await page.getByLabel('لا، أبقى مجهول الهوية').check({ force: true });
    await page.getByLabel(/يمكن لمكتب المساعدة قراءة بلاغي/).check({ force: true });
    await next();

    expect(page.url()).toBe(`${harness.baseUrl}/ar/report/8`);
    const review = await page.locator('main').innerText();
    expect(review).toContain('Firenze (FI)');
    expect(review).toContain('الحجاب');
    await expectFitsThePhone(page, 'Arabic review');
    // The form token must be a few seconds old, as a person's would be.
    await page.waitForTimeout(3_000);
    await page.getByRole('button', { name: 'أرسل البلاغ' }).click();

    expect(await page.locator('h1').innerText()).toBe('تم إرسال البلاغ');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    const code = await page.locator('.site-report-code').innerText();
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    await expectFitsThePhone(page, 'Arabic receipt');
  }, 300_000);

  it('passes axe-core on the Arabic and Chinese form and a receipt page', async () => {
    const page = await harness.newPage({ javaScriptEnabled: true, mobile: true });
    page.setDefaultTimeout(20_000);
    for (const [url, label] of [
      ['/ar/report', 'Arabic intro'],
      ['/ar/report/1', 'Arabic step 1'],
      ['/ar/report/5', 'Arabic step 5'],
      ['/ar/report/7', 'Arabic step 7'],
      ['/zh/report', 'Chinese intro'],
      ['/zh/report/3', 'Chinese step 3'],
      ['/zh/report/5', 'Chinese step 5'],
      ['/ar/receipt', 'Arabic receipt sign-in'],
      ['/zh/receipt', 'Chinese receipt sign-in'],
    ] as const) {
      await page.goto(url);
      await expectNoAxeViolations(page, label);
    }
    // An error and the open language chooser.
    await page.goto('/ar/report/1');
    await page.getByRole('button', { name: 'احفظ وتابع' }).click();
    await page.locator('#error-summary').waitFor();
    await page.locator('.site-language-chooser summary').click();
    expect(await page.getByRole('link', { name: '中文' }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'Arabic step 1 with an error and the chooser open');
  }, 300_000);
});
