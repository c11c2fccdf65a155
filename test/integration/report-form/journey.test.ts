import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unseal } from '../../../src/modules/cases/sealed-fields.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { createCompetentDesk, postForm, upload } from './report-client.ts';

const NARRATIVE = 'Il padrone di casa mi ha detto che non affitta a stranieri.';

describe('the public report form, step by step', () => {
  let context: TestContext;
  let desk: { organisationId: string; helpDeskId: string };
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    desk = await createCompetentDesk(db());
  }, 240_000);
  afterAll(() => context.close());

  it('takes a report through every step, sends it and shows the receipt once', async () => {
    const client = new TestClient(context.app);
    const intro = await client.get('/it/segnala');
    expect(intro.statusCode).toBe(200);
    expect(intro.body).toContain('href="/it/segnala/1"');

    let page = (await client.get('/it/segnala/1')).body;
    expect(page).toContain('Passo 1 di 8');
    // An empty narrative is refused, the field named, and nothing stored.
    let response = await postForm(client, '/it/segnala/1', page, { narrative: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('href="#narrative"');
    expect(response.body).toContain('aria-describedby="narrative-hint narrative-error"');
    expect(await db().selectFrom('report_drafts').selectAll().execute()).toHaveLength(0);

    response = await postForm(client, '/it/segnala/1', page, { narrative: NARRATIVE });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/it/segnala/2');
    const cookie = response.headers['set-cookie'];
    expect(String(cookie)).toMatch(/osservatorio_report=.*HttpOnly/);
    expect(String(cookie)).toMatch(/Path=\/;/);
    expect(String(cookie)).toMatch(/SameSite=Strict/);

    // Back to step 1: the stored answer is there.
    page = (await client.get('/it/segnala/1')).body;
    expect(page).toContain('mi ha detto che non affitta a stranieri');

    page = (await client.get('/it/segnala/2')).body;
    response = await postForm(client, '/it/segnala/2', page, {
      precision: 'month',
      month: '3',
      year: '2026',
    });
    expect(response.headers.location).toBe('/it/segnala/3');

    page = (await client.get('/it/segnala/3')).body;
    // An unknown municipality keeps what was typed and says so.
    response = await postForm(client, '/it/segnala/3', page, {
      kind: 'town',
      municipality: 'Pratolinox',
      domain: 'housing',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('value="Pratolinox"');
    expect(response.body).toContain('href="#municipality"');
    response = await postForm(client, '/it/segnala/3', page, {
      kind: 'town',
      municipality: 'PRATO',
      domain: 'housing',
      place_detail: 'Agenzia in via Roma',
    });
    expect(response.headers.location).toBe('/it/segnala/4');

    page = (await client.get('/it/segnala/4')).body;
    response = await postForm(client, '/it/segnala/4', page, {
      role: 'victim',
      perpetrator: 'private_person',
      perpetrator_detail: 'Il proprietario',
    });
    expect(response.headers.location).toBe('/it/segnala/5');

    page = (await client.get('/it/segnala/5')).body;
    response = await postForm(client, '/it/segnala/5', page, {
      grounds: ['racial_ethnic_origin', 'nationality'],
      profile_ageBand: '25_34',
      profile_gender: 'prefer_not_to_say',
    });
    expect(response.headers.location).toBe('/it/segnala/6');

    page = (await client.get('/it/segnala/6')).body;
    response = await upload(client, '/it/segnala/prove', page, { go: 'next' }, [
      {
        name: 'messaggio.txt',
        type: 'text/plain',
        bytes: Buffer.from('Non affitto a stranieri.\n'),
      },
    ]);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/it/segnala/7');

    page = (await client.get('/it/segnala/7')).body;
    expect(page).toContain('autocomplete="email"');
    response = await postForm(client, '/it/segnala/7', page, {
      mode: 'contact',
      name: 'Amina',
      email: 'amina@example.org',
      consents: ['handling', 'statistics', 'contact'],
    });
    expect(response.headers.location).toBe('/it/segnala/8');

    page = (await client.get('/it/segnala/8')).body;
    expect(page).toContain('messaggio.txt');
    expect(page).toContain('Prato (PO)');
    expect(page).toContain('href="/it/segnala/3?review=1"');
    expect(response.headers['cache-control'] ?? 'no-store').toContain('no-store');

    // The form token was issued when the report began; a person takes longer than 3 seconds.
    await new Promise((resolve) => setTimeout(resolve, 3_100));
    response = await postForm(client, '/it/segnala/invia', page, { website: '' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const code = /class="site-report-code"[^>]*>([\d ]+)</.exec(response.body)?.[1];
    expect(code).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
    expect(response.headers.location).toBeUndefined();

    const stored = await db().selectFrom('cases').selectAll().executeTakeFirstOrThrow();
    expect(stored.help_desk_id).toBe(desk.helpDeskId);
    expect(stored.organisation_id).toBe(desk.organisationId);
    expect(stored.source).toBe('public_form');
    expect(stored.channel).toBe('web_form');
    expect(stored.municipality_code).toBe('100005');
    expect(stored.occurred_on).toBe('2026-03-01');
    expect(stored.occurred_precision).toBe('month');
    expect(stored.ground_codes).toEqual(['racial_ethnic_origin', 'nationality']);
    expect(stored.domain_codes).toEqual(['housing']);
    expect(stored.perpetrator_sector_codes).toEqual(['private_person']);
    expect(stored.reporter_role).toBe('victim');
    expect(stored.victim_age_band).toBe('25_34');
    expect(stored.victim_gender).toBe('prefer_not_to_say');
    expect(stored.narrative_enc).not.toContain('stranieri');
    expect(
      unseal(context.config.masterKeys, 'cases', 'narrative_enc', stored.id, stored.narrative_enc),
    ).toBe(NARRATIVE);
    expect(stored.receipt_hash).not.toContain(code!.replaceAll(' ', ''));

    const consents = await db()
      .selectFrom('cases')
      .select([
        'consent_version',
        'reporter_locale',
        'consent_handling',
        'consent_sharing',
        'consent_statistics',
        'consent_contact',
      ])
      .where('id', '=', stored.id)
      .executeTakeFirstOrThrow();
    expect(consents).toEqual({
      consent_version: '2026-11',
      reporter_locale: 'it',
      consent_handling: true,
      consent_sharing: false,
      consent_statistics: true,
      consent_contact: true,
    });
    const documents = await db()
      .selectFrom('case_documents')
      .selectAll()
      .where('case_id', '=', stored.id)
      .execute();
    expect(documents).toHaveLength(1);
    expect(await db().selectFrom('report_drafts').selectAll().execute()).toHaveLength(0);

    const audit = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'reports.submitted')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target_id).toBe(stored.id);
    expect(JSON.stringify(audit[0]!.details)).not.toMatch(/Amina|stranieri|example\.org/);
    // Steps write no audit rows.
    expect(
      await db()
        .selectFrom('audit_log')
        .select('id')
        .where('actor_label', '=', 'anonymous')
        .execute(),
    ).toHaveLength(1);

    // Sending again (a refresh) does not show the code again.
    const again = await postForm(client, '/it/segnala/invia', page, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).not.toContain(code!);
    expect(again.body).not.toMatch(/\d{4} \d{4} \d{4} \d{4}/);
  }, 60_000);

  it('keeps the draft across languages and refuses an ambiguous town with suggestions', async () => {
    const client = new TestClient(context.app);
    let page = (await client.get('/en/report/1')).body;
    expect(page).toContain('Step 1 of 8');
    let response = await postForm(client, '/en/report/1', page, { narrative: 'They refused me.' });
    expect(response.headers.location).toBe('/en/report/2');
    expect((await client.get('/it/segnala/1')).body).toContain('They refused me.');
    page = (await client.get('/en/report/3')).body;
    response = await postForm(client, '/en/report/3', page, {
      kind: 'town',
      municipality: 'Castro',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('name="municipality_code"');
    const code = /name="municipality_code"\s+value="(\d{6})"/.exec(response.body)![1]!;
    response = await postForm(client, '/en/report/3', page, {
      kind: 'town',
      municipality: 'Castro',
      municipality_code: code,
    });
    expect(response.statusCode).toBe(303);
    // Accents and case do not matter.
    response = await postForm(client, '/en/report/3', page, {
      kind: 'town',
      municipality: 'forli',
    });
    expect(response.statusCode).toBe(303);
    expect((await client.get('/en/report/3')).body).toContain('Forlì (FC)');
  }, 60_000);

  it('stays under 150 KB transferred with gzip (HTML, stylesheets and script of a step)', async () => {
    const client = new TestClient(context.app);
    const page = await client.get('/it/segnala/8', { 'accept-encoding': 'gzip' });
    expect(page.headers['content-encoding']).toBe('gzip');
    const html = (await client.get('/it/segnala/8')).body;
    const assets = [
      ...[...html.matchAll(/href="(\/assets\/[^"]+\.css[^"]*)"/g)].map((match) => match[1]!),
      ...[...html.matchAll(/src="(\/assets\/[^"]+\.js[^"]*)"/g)].map((match) => match[1]!),
    ];
    expect(assets.some((url) => url.startsWith('/assets/report-form.js'))).toBe(true);
    let total = page.rawPayload.length;
    for (const url of assets.map((item) => item.replaceAll('&amp;', '&'))) {
      const asset = await client.get(url, { 'accept-encoding': 'gzip' });
      expect(asset.statusCode, url).toBe(200);
      total += asset.rawPayload.length;
    }
    console.info(`report form review page, gzip: ${total} bytes (HTML ${page.rawPayload.length})`);
    expect(total).toBeLessThanOrEqual(150 * 1024);
  });
});
