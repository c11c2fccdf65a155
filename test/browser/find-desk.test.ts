import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const CASTEL_SAN_NICCOLO = '051010';

describe('find a help desk and the network map in the browser', () => {
  let harness: BrowserHarness;
  let deskId: string;

  beforeAll(async () => {
    harness = await startHarness();
    const db = harness.app.deps.database.db;
    // The demo data may not hold help desks yet: the test brings its own, run by a demo member.
    const organisation = await db
      .selectFrom('organisations')
      .select('id')
      .where('status', '=', 'active')
      .where('network_role', 'is not', null)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const desk = await db
      .insertInto('help_desks')
      .values({
        organisation_id: organisation.id,
        name: 'Sportello di prova del Casentino',
        description: 'Ascolto e orientamento per chi subisce una discriminazione.',
        municipality_code: CASTEL_SAN_NICCOLO,
        address: 'Piazza del Municipio 1',
        postal_code: '52018',
        phone: '0575 000000',
        email: 'casentino@example.org',
        channels: ['phone', 'email', 'in_person'],
        services: ['listening', 'legal_advice'],
        languages: ['it', 'ar', 'ro'],
        accessibility: ['step_free_access'],
        access_mode: 'both',
        opening_hours: JSON.stringify({
          weekly: {
            1: [{ opens: '09:00', closes: '13:00' }],
            4: [{ opens: '15:00', closes: '18:00' }],
          },
          exceptions: [],
          closedOnPublicHolidays: true,
        }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    deskId = desk.id;
    await db
      .insertInto('help_desk_municipalities')
      .values({ help_desk_id: deskId, municipality_code: CASTEL_SAN_NICCOLO })
      .execute();
  });
  afterAll(() => harness.close());

  it('finds a desk by municipality on a phone with JavaScript off, and opens its page', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
    await page.goto('/it');
    await page.getByRole('link', { name: 'Trova uno sportello' }).first().click();
    expect(page.url()).toBe(`${harness.baseUrl}/it/sportelli`);
    await page.getByLabel('Comune').fill('castel san niccolo');
    await page.getByRole('button', { name: 'Cerca' }).click();
    expect(page.url()).toContain('/it/sportelli?comune=castel+san+niccolo');
    const results = page.locator('main');
    expect(await results.innerText()).toContain(
      'Sportelli competenti per Castel San Niccolò (AR).',
    );
    // Nothing is wider than the phone's screen.
    const overflow = await page.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('link', { name: 'Sportello di prova del Casentino', exact: true }).click();
    expect(page.url()).toBe(`${harness.baseUrl}/it/sportelli/${deskId}`);
    expect(await page.locator('h1').innerText()).toBe('Sportello di prova del Casentino');
    expect(await page.locator('table').innerText()).toMatch(/9:00–13:00/);
    expect(await page.getByRole('link', { name: '0575 000000' }).getAttribute('href')).toBe(
      'tel:0575000000',
    );
  });

  it('shows the map of the network with its table', async () => {
    const page = await harness.newPage({ javaScriptEnabled: false, mobile: true });
    await page.goto('/it');
    await page.getByRole('link', { name: 'Mappa della rete' }).first().click();
    expect(page.url()).toBe(`${harness.baseUrl}/it/mappa`);
    const map = page.getByRole('img', { name: /Comuni della rete/ });
    expect(await map.count()).toBe(1);
    const box = await map.boundingBox();
    expect(box?.width).toBeGreaterThan(200);
    expect(box?.width).toBeLessThanOrEqual(360);
    const row = page.getByRole('row', { name: /Castel San Niccolò/ });
    expect(await row.innerText()).toContain('Con uno sportello competente');
    expect(await page.locator('table tbody tr').count()).toBeGreaterThan(250);
  });

  it('has no WCAG 2.1 AA violations on the new pages', async () => {
    const paths = [
      '/it/sportelli',
      '/en/help-desks',
      '/it/sportelli?comune=castel+san+niccolo',
      '/it/sportelli?comune=fiesole&servizio=mediation&aperto=1',
      '/it/sportelli?comune=castel',
      '/it/sportelli?servizio=unknown',
      `/it/sportelli/${deskId}`,
      `/en/help-desks/${deskId}`,
      '/it/sportelli/00000000-0000-4000-8000-000000000000',
      '/it/mappa',
      '/en/map',
      '/it',
    ];
    for (const path of paths) {
      const page = await harness.newPage();
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      const response = await page.goto(path);
      await expectNoAxeViolations(page, path);
      const status = response?.status() ?? 0;
      const unexpected = errors.filter((error) => !(status === 404 && error.includes('404')));
      expect(unexpected, `browser console errors on ${path}`).toEqual([]);
      await page.close();
    }
  });
});
