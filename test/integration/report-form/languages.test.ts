import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unseal } from '../../../src/modules/cases/sealed-fields.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { FormBrowser, formToken } from '../receipt/receipt-fixtures.ts';
import { createCompetentDesk, postForm } from './report-client.ts';

const ARABIC_NARRATIVE = 'رفض صاحب الشقة أن يؤجرني لأنني أجنبية. قال: «لا نؤجر للأجانب».';
const UKRAINIAN_NARRATIVE =
  'У кафе мені відмовили в обслуговуванні через мій акцент. Ще й сміялися.';

/**
 * A short complete report through one language's form: what, where (Prato, so it reaches the
 * competent desk), who, consent, then the review page.
 */
async function fillReport(client: TestClient, form: string, narrative: string) {
  let page = (await client.get(`${form}/1`)).body;
  let response = await postForm(client, `${form}/1`, page, { narrative });
  expect(response.statusCode, 'step 1').toBe(303);
  expect(response.headers.location).toBe(`${form}/2`);
  page = (await client.get(`${form}/3`)).body;
  response = await postForm(client, `${form}/3`, page, {
    kind: 'town',
    municipality: 'Prato',
    domain: 'housing',
  });
  expect(response.statusCode, 'step 3').toBe(303);
  page = (await client.get(`${form}/4`)).body;
  response = await postForm(client, `${form}/4`, page, {
    role: 'victim',
    perpetrator: 'dont_know',
  });
  expect(response.statusCode, 'step 4').toBe(303);
  page = (await client.get(`${form}/7`)).body;
  response = await postForm(client, `${form}/7`, page, {
    mode: 'anonymous',
    consents: ['handling', 'statistics'],
  });
  expect(response.statusCode, 'step 7').toBe(303);
  return (await client.get(`${form}/8`)).body;
}

const receiptCodeOf = (page: string) =>
  /class="site-report-code"[^>]*>([\d ]+)</.exec(page)?.[1] ?? null;

describe('the report form and the receipt in the reporting languages', () => {
  let context: TestContext;
  let organisationId: string;
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    ({ organisationId } = await createCompetentDesk(db()));
  }, 240_000);
  afterAll(() => context.close());

  it('takes a report in Arabic, right to left, and the case team sees it was written in Arabic', async () => {
    const client = new TestClient(context.app);
    const intro = await client.get('/ar/report');
    expect(intro.statusCode).toBe(200);
    expect(intro.headers['content-language']).toBe('ar');
    expect(intro.body).toContain('<html lang="ar" dir="rtl">');
    expect(intro.body).toContain('الإبلاغ عن تمييز');
    expect(intro.body).toContain('href="/ar/report/1"');

    // The taxonomy's plain answers are worded in Arabic too.
    expect((await client.get('/ar/report/5')).body).toContain('بسبب أصلي أو لون بشرتي');
    // A problem is named in Arabic, on the Arabic page.
    const step1 = (await client.get('/ar/report/1')).body;
    const refused = await postForm(client, '/ar/report/1', step1, { narrative: ' ' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('اكتب ما حدث: هذه هي الإجابة الوحيدة المطلوبة.');

    const review = await fillReport(client, '/ar/report', ARABIC_NARRATIVE);
    expect(review).toContain('action="/ar/report/send"');
    expect(review).toContain('أجنبية');
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const sent = await postForm(client, '/ar/report/send', review, { website: '' });
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('<html lang="ar" dir="rtl">');
    expect(sent.body).toContain('تم إرسال البلاغ');
    expect(sent.body).toContain('href="/ar/receipt"');
    expect(receiptCodeOf(sent.body)).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);

    const stored = await db()
      .selectFrom('cases')
      .select(['id', 'reporter_locale', 'narrative_enc'])
      .where('reporter_locale', '=', 'ar')
      .executeTakeFirstOrThrow();
    expect(
      unseal(context.config.masterKeys, 'cases', 'narrative_enc', stored.id, stored.narrative_enc),
    ).toBe(ARABIC_NARRATIVE);
    // The consent texts were shown in Arabic: the record says so, with their version.
    const consents = await db()
      .selectFrom('cases')
      .select(['reporter_locale', 'consent_version'])
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(consents).toEqual({ reporter_locale: 'ar', consent_version: '2026-11' });

    const operator = await createUser(context, { roles: ['operator'], organisationId });
    const staff = new TestClient(context.app);
    await staff.signIn(operator);
    const detail = await staff.get(`/api/cases/${stored.id}`);
    expect(detail.statusCode).toBe(200);
    const body = detail.json<{ narrative: string; reporter: { locale: string } }>();
    expect(body.reporter.locale).toBe('ar');
    expect(body.narrative).toBe(ARABIC_NARRATIVE);
  }, 60_000);

  it('takes a report in Ukrainian and follows it on the Ukrainian receipt pages', async () => {
    const client = new TestClient(context.app);
    const review = await fillReport(client, '/uk/report', UKRAINIAN_NARRATIVE);
    expect(review).toContain('<html lang="uk">');
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    const sent = await postForm(client, '/uk/report/send', review, {});
    expect(sent.statusCode).toBe(200);
    expect(sent.body).toContain('Звернення надіслано');
    const code = receiptCodeOf(sent.body)!;
    const stored = await db()
      .selectFrom('cases')
      .select(['id', 'reporter_locale', 'received_at'])
      .where('reporter_locale', '=', 'uk')
      .executeTakeFirstOrThrow();

    const browser = new FormBrowser(context.app);
    const signInPage = await browser.get('/uk/receipt');
    expect(signInPage.statusCode).toBe(200);
    expect(signInPage.body).toContain('Код квитанції');
    const signedIn = await browser.postForm('/uk/receipt', {
      _csrf: formToken(signInPage.body),
      code,
    });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe('/uk/receipt/status');
    const status = await browser.get('/uk/receipt/status');
    expect(status.statusCode).toBe(200);
    expect(status.body).toContain('<html lang="uk">');
    expect(status.body).toContain('Ваше звернення');
    const receivedOn = new Intl.DateTimeFormat('uk', {
      dateStyle: 'long',
      timeZone: 'Europe/Rome',
    }).format(stored.received_at);
    expect(status.body).toContain(receivedOn);
    expect(status.body).toContain('href="/uk/receipt/messages"');

    // A wrong code is refused in Ukrainian.
    const stranger = new FormBrowser(context.app);
    const form = await stranger.get('/uk/receipt');
    const wrong = await stranger.postForm('/uk/receipt', {
      _csrf: formToken(form.body),
      code: '1234',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('Код квитанції має 16 цифр.');
  }, 60_000);

  it('offers every reporting language by its own name, without JavaScript', async () => {
    const client = new TestClient(context.app);
    const page = (await client.get('/zh/report/3')).body;
    expect(page).toContain('<html lang="zh-Hans">');
    expect(page).toContain('<details>');
    for (const [path, tag, name] of [
      ['/it/segnala/3', 'it', 'Italiano'],
      ['/en/report/3', 'en', 'English'],
      ['/ro/report/3', 'ro', 'Română'],
      ['/sq/report/3', 'sq', 'Shqip'],
      ['/ar/report/3', 'ar', 'العربية'],
      ['/uk/report/3', 'uk', 'Українська'],
      ['/fr/report/3', 'fr', 'Français'],
      ['/es/report/3', 'es', 'Español'],
      ['/el/report/3', 'el', 'Ελληνικά'],
      ['/de/report/3', 'de', 'Deutsch'],
      ['/bs/report/3', 'bs', 'Bosanski'],
    ] as const) {
      expect(page).toMatch(
        new RegExp(
          `<a href="${path}" hreflang="${tag}" lang="${tag}" dir="(ltr|rtl)"\\s*>${name}</a`,
        ),
      );
      expect(page).toContain(`<link rel="alternate" hreflang="${tag}" href="${path}" />`);
    }
    expect(page).toMatch(/<span lang="zh-Hans" dir="ltr" aria-current="true"\s*>中文<\/span/);
    // Pages not translated into Chinese open in English, and say so.
    expect(page).toContain('href="/en/help-desks" hreflang="en"');
    expect(page).toContain('href="/en/privacy" hreflang="en"');
    // The receipt link of the header stays in Chinese.
    expect(page).toContain('href="/zh/receipt"');

    const receipt = (await client.get('/el/receipt')).body;
    expect(receipt).toMatch(/<a href="\/it\/ricevuta" hreflang="it"/);
    expect(receipt).toMatch(/<a href="\/ar\/receipt" hreflang="ar" lang="ar" dir="rtl"/);

    // The site's other pages keep their two languages.
    const home = (await client.get('/it')).body;
    expect(home).not.toContain('<details>');
    expect(home).not.toContain('hreflang="ar"');
  });

  it('opens the form in the language the browser asks for, or the one chosen before', async () => {
    const browser = new TestClient(context.app);
    let response = await browser.get('/report', { 'accept-language': 'ar-MA,ar;q=0.9,fr;q=0.5' });
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/ar/report');
    expect(response.headers.vary).toContain('Accept-Language');
    response = await browser.get('/segnala', { 'accept-language': 'zh-CN' });
    expect(response.headers.location).toBe('/zh/report');
    response = await browser.get('/report', { 'accept-language': 'ja' });
    expect(response.headers.location).toBe('/it/segnala');

    // Choosing a language on the form remembers it; the site's home falls back to English.
    await browser.get('/sq/report');
    response = await browser.get('/report', { 'accept-language': 'de' });
    expect(response.headers.location).toBe('/sq/report');
    response = await browser.get('/');
    expect(response.headers.location).toBe('/en');
  });

  it('answers an unknown step with the error page in the reporting language', async () => {
    const client = new TestClient(context.app);
    const missing = await client.get('/ar/report/99');
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain('<html lang="ar" dir="rtl">');
    expect(missing.body).toContain('الصفحة غير موجودة');
    expect(missing.body).toContain('href="/en" hreflang="en"');
    const notServed = await client.get('/fr/accessibility');
    expect(notServed.statusCode).toBe(404);
    expect(notServed.body).toContain('Page introuvable');
  });

  it('keeps the draft when the reporter switches between reporting languages', async () => {
    const client = new TestClient(context.app);
    const page = (await client.get('/es/report/1')).body;
    const saved = await postForm(client, '/es/report/1', page, { narrative: 'Me insultaron.' });
    expect(saved.statusCode).toBe(303);
    expect((await client.get('/bs/report/1')).body).toContain('Me insultaron.');
    expect((await client.get('/bs/report/1')).body).toContain('Korak 1 od 8');
  });
});
