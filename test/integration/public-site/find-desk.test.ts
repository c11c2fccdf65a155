import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpeningHours } from '../../../src/core/opening-hours.ts';
import type { DB } from '../../../src/db/schema.ts';
import { loadRegionMunicipalities } from '../../../src/modules/maps/map-features.ts';
import { renderDeskPage } from '../../../src/modules/public-site/find-desk/desk-page.ts';
import {
  competentMunicipalities,
  loadDesk,
} from '../../../src/modules/public-site/find-desk/desks.ts';
import { loadNetworkFigures } from '../../../src/modules/public-site/find-desk/network-data.ts';
import { renderSearchPage } from '../../../src/modules/public-site/find-desk/search-page.ts';
import { searchDesks } from '../../../src/modules/public-site/find-desk/search.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, type TestContext } from '../../helpers/test-app.ts';

const FORLI = '040012';
const FIRENZE = '048017';
const FIESOLE = '048015';
const LUCCA = '046017';
const PISA = '050026';
const PRATO = '100005';

const always: OpeningHours = {
  weekly: Object.fromEntries(
    [1, 2, 3, 4, 5, 6, 7].map((day) => [day, [{ opens: '00:00', closes: '24:00' }]]),
  ),
  exceptions: [],
  closedOnPublicHolidays: false,
};
const never: OpeningHours = { weekly: {}, exceptions: [], closedOnPublicHolidays: false };
const mondayMornings: OpeningHours = {
  weekly: { 1: [{ opens: '09:00', closes: '13:00' }] },
  exceptions: [{ date: '2026-12-01', closed: true }],
  closedOnPublicHolidays: true,
};

interface DeskSeed {
  name: string;
  organisationId: string;
  municipality: string;
  competentFor: string[];
  hours: OpeningHours;
  services?: string[];
  languages?: string[];
  status?: 'active' | 'inactive';
}

async function insertDesk(db: Kysely<DB>, seed: DeskSeed): Promise<string> {
  const { id } = await db
    .insertInto('help_desks')
    .values({
      organisation_id: seed.organisationId,
      name: seed.name,
      description: `Descrizione di ${seed.name}`,
      municipality_code: seed.municipality,
      address: 'Via Roma 1',
      postal_code: '50100',
      phone: '+39 055 123 4567',
      email: 'sportello@example.org',
      channels: ['phone', 'email', 'in_person'],
      services: seed.services ?? ['listening'],
      languages: seed.languages ?? ['it'],
      accessibility: ['step_free_access'],
      access_mode: 'walk_in',
      opening_hours: JSON.stringify(seed.hours),
      status: seed.status ?? 'active',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (seed.competentFor.length > 0) {
    await db
      .insertInto('help_desk_municipalities')
      .values(seed.competentFor.map((code) => ({ help_desk_id: id, municipality_code: code })))
      .execute();
  }
  return id;
}

describe('find a help desk, desk pages, network map and figures', () => {
  let context: TestContext;
  const db = () => context.database.handle.db;
  const ids: Record<string, string> = {};
  const get = (url: string) => context.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    const organisations = await db()
      .insertInto('organisations')
      .values([
        {
          name: 'Capofila Firenze',
          kind: 'other_public_body',
          municipality_code: FIRENZE,
          network_role: 'lead_partner',
          unar_protocol_signed_on: '2026-03-01',
        },
        {
          name: 'Associazione Pisa',
          kind: 'association',
          municipality_code: PISA,
          network_role: 'partner',
          unar_protocol_signed_on: '2026-04-01',
        },
        {
          name: 'Associazione Forlì',
          kind: 'association',
          municipality_code: FORLI,
          network_role: 'node',
        },
        {
          name: 'Unione dei comuni',
          kind: 'union_of_municipalities',
          municipality_code: null,
          network_role: 'associate',
        },
        // Not in the network, and an inactive member: neither counts nor shows.
        { name: 'Ente esterno', kind: 'association', municipality_code: LUCCA },
        {
          name: 'Ente cessato',
          kind: 'association',
          municipality_code: PRATO,
          network_role: 'node',
          status: 'inactive',
          unar_protocol_signed_on: '2025-01-01',
        },
      ])
      .returning(['id', 'name'])
      .execute();
    const org = (name: string) => organisations.find((row) => row.name === name)!.id;
    await db()
      .insertInto('organisation_territories')
      .values([
        { organisation_id: org('Unione dei comuni'), municipality_code: LUCCA },
        { organisation_id: org('Unione dei comuni'), municipality_code: PISA },
        { organisation_id: org('Ente cessato'), municipality_code: '100001' },
      ])
      .execute();

    ids['forli'] = await insertDesk(db(), {
      name: 'Sportello Forlì <sempre aperto>',
      organisationId: org('Associazione Forlì'),
      municipality: FORLI,
      competentFor: [FORLI],
      hours: always,
      services: ['listening', 'legal_advice'],
      languages: ['it', 'ar'],
    });
    ids['firenze'] = await insertDesk(db(), {
      name: 'Sportello Firenze',
      organisationId: org('Capofila Firenze'),
      municipality: FIRENZE,
      competentFor: [FIRENZE],
      hours: mondayMornings,
      services: ['listening', 'mediation'],
      languages: ['it', 'en'],
    });
    ids['lucca'] = await insertDesk(db(), {
      name: 'Sportello Lucca chiuso',
      organisationId: org('Associazione Pisa'),
      municipality: LUCCA,
      competentFor: [LUCCA],
      hours: never,
    });
    ids['inactive'] = await insertDesk(db(), {
      name: 'Sportello dismesso',
      organisationId: org('Capofila Firenze'),
      municipality: FIRENZE,
      competentFor: [FIRENZE, FORLI],
      hours: always,
      status: 'inactive',
    });
    ids['inactiveOrganisation'] = await insertDesk(db(), {
      name: 'Sportello di ente cessato',
      organisationId: org('Ente cessato'),
      municipality: PRATO,
      competentFor: [FIRENZE, FORLI],
      hours: always,
    });
  });
  afterAll(() => context.close());

  const hidden = ['Sportello dismesso', 'Sportello di ente cessato'];

  describe('Trova uno sportello', () => {
    it('serves the form in both languages, in the layout, without scripts', async () => {
      for (const [url, lang, title] of [
        ['/it/sportelli', 'it', 'Trova uno sportello'],
        ['/en/help-desks', 'en', 'Find a help desk'],
      ] as const) {
        const response = await get(url);
        expect(response.statusCode).toBe(200);
        const body = response.body;
        expect(body).toContain(`<html lang="${lang}">`);
        expect(body).toContain(`<title>${title} · Osservatorio</title>`);
        expect(body.match(/<h1[ >]/g)).toHaveLength(1);
        expect(body).toMatch(/<form method="get" action="\/(it\/sportelli|en\/help-desks)"/);
        expect(body).toContain('name="comune"');
        expect(body).toContain('name="servizio"');
        expect(body).toContain('name="lingua"');
        expect(body).toContain('name="aperto"');
        expect(body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
        // Every active desk, none of the others.
        expect(body).toContain('Sportello Forlì &lt;sempre aperto&gt;');
        expect(body).toContain('Sportello Firenze');
        for (const name of hidden) expect(body).not.toContain(name);
      }
    });

    it('finds the desks competent for a municipality typed with or without accents', async () => {
      for (const typed of ['forli', 'Forlì', 'FORLI', '  forlì ']) {
        const body = (await get(`/it/sportelli?comune=${encodeURIComponent(typed)}`)).body;
        expect(body).toContain('Sportelli competenti per Forlì (FC).');
        expect(body).toContain('Sportello Forlì &lt;sempre aperto&gt;');
        expect(body).not.toContain('Sportello Firenze');
        for (const name of hidden) expect(body).not.toContain(name);
        expect(body).toContain('value="Forlì"');
      }
      // The language switch keeps the search.
      const body = (await get('/it/sportelli?comune=forli&lingua=ar')).body;
      expect(body).toContain('href="/en/help-desks?comune=Forl%C3%AC&amp;lingua=ar" hreflang="en"');
      expect(body).toContain('<option value="ar" selected>');
    });

    it('shows the card: organisation, town, services, languages, contacts, link', async () => {
      const body = (await get('/en/help-desks?comune=forli')).body;
      expect(body).toContain('Run by Associazione Forlì');
      expect(body).toContain('In Forlì (FC)');
      expect(body).toContain('Open now');
      expect(body).toContain('href="tel:+390551234567"');
      expect(body).toContain('href="mailto:sportello@example.org"');
      expect(body).toContain(`href="/en/help-desks/${ids['forli']}"`);
      expect(body).toMatch(/Languages:<\/strong>\s*[^<]*Arabic/);
    });

    it('falls back to the desks of the province, and says so', async () => {
      const body = (await get('/it/sportelli?comune=fiesole')).body;
      expect(body).toContain('Nessuno sportello è competente per Fiesole (FI).');
      expect(body).toContain('provincia di Firenze');
      expect(body).toContain('Sportello Firenze');
      expect(body).not.toContain('Sportello Forlì');
      for (const name of hidden) expect(body).not.toContain(name);
    });

    it('helps with an unknown or ambiguous municipality', async () => {
      const unknown = (await get('/it/sportelli?comune=Atlantide')).body;
      expect(unknown).toContain('Non troviamo un comune chiamato «Atlantide»');
      expect(unknown).toContain('href="/it/sportelli">Vedi tutti gli sportelli della rete');
      const ambiguous = (await get('/it/sportelli?comune=fies')).body;
      // "fies" starts Fiesole and Fiesso…: the visitor picks one.
      expect(ambiguous).toContain(`href="/it/sportelli?comune=${FIESOLE}"`);
    });

    it('filters by service and language, and ignores unknown codes with a message', async () => {
      const legal = (await get('/it/sportelli?servizio=legal_advice')).body;
      expect(legal).toContain('Sportello Forlì');
      expect(legal).not.toContain('Sportello Firenze');
      const english = (await get('/it/sportelli?lingua=en')).body;
      expect(english).toContain('Sportello Firenze');
      expect(english).not.toContain('Sportello Forlì');
      const unknown = await get('/it/sportelli?servizio=teleportation&lingua=%3Cb%3E');
      expect(unknown.statusCode).toBe(200);
      expect(unknown.body).toContain('Il servizio «teleportation» non esiste ed è stato ignorato.');
      expect(unknown.body).toContain('La lingua «&lt;b&gt;» non è valida ed è stata ignorata.');
      expect(unknown.body).toContain('Sportello Forlì');
      expect(unknown.body).toContain('Sportello Firenze');
      const tooLong = await get(`/it/sportelli?comune=${'x'.repeat(500)}`);
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.body).toContain('<html lang="it">');
    });

    it('filters desks open now, and suggests removing filters when nothing matches', async () => {
      const open = (await get('/it/sportelli?comune=forli&aperto=1')).body;
      expect(open).toContain('Sportello Forlì');
      const closed = (await get('/it/sportelli?comune=lucca&aperto=1&servizio=listening')).body;
      expect(closed).not.toContain('Sportello Lucca chiuso</a>');
      expect(closed).toContain('Nessuno sportello corrisponde alla ricerca.');
      expect(closed).toContain('href="/it/sportelli?comune=Lucca&amp;servizio=listening"');
      expect(closed).toContain('href="/it/sportelli?comune=Lucca&amp;aperto=1"');
      expect(closed).toContain('C’è 1 sportello per questo comune');
    });

    it('computes open now and the next opening at the given instant', async () => {
      // Monday 23 November 2026, 10:00 in Rome: the Florence desk is open.
      const monday = new Date('2026-11-23T09:00:00Z');
      const openSearch = await searchDesks(db(), { comune: 'Firenze', aperto: '1' }, monday);
      expect(openSearch.desks.map((desk) => desk.name)).toEqual(['Sportello Firenze']);
      expect(renderSearchPage('it', openSearch, monday)).toContain('Aperto ora');

      // Tuesday 10:00: closed until Monday 9:00 (1 December is closed, but that is a Tuesday).
      const tuesday = new Date('2026-11-24T09:00:00Z');
      const closedSearch = await searchDesks(db(), { comune: 'Firenze', aperto: 'on' }, tuesday);
      expect(closedSearch.desks).toEqual([]);
      const all = await searchDesks(db(), { comune: 'Firenze' }, tuesday);
      const page = renderSearchPage('it', all, tuesday);
      expect(page).toContain('Chiuso ora');
      expect(page).toMatch(/Apre lunedì alle 9:00/i);
      const english = renderSearchPage('en', all, tuesday);
      expect(english).toMatch(/Opens Monday at 9:00/i);
      // Sunday evening: opens tomorrow.
      const sunday = await searchDesks(
        db(),
        { comune: 'Firenze' },
        new Date('2026-11-29T19:00:00Z'),
      );
      expect(renderSearchPage('it', sunday, new Date('2026-11-29T19:00:00Z'))).toContain(
        'Apre domani alle 9:00',
      );
    });
  });

  describe('desk page', () => {
    it('shows everything public about the desk', async () => {
      const response = await get(`/it/sportelli/${ids['firenze']}`);
      expect(response.statusCode).toBe(200);
      const body = response.body;
      expect(body).toContain('<title>Sportello Firenze · Osservatorio</title>');
      expect(body.match(/<h1[ >]/g)).toHaveLength(1);
      expect(body).toContain('Descrizione di Sportello Firenze');
      expect(body).toContain('Gestito da Capofila Firenze');
      expect(body).toContain('href="tel:+390551234567"');
      expect(body).toContain('Via Roma 1, 50100 Firenze (FI)');
      expect(body).toContain('<table class="table">');
      expect(body).toMatch(/<th scope="row">lunedì<\/th>\s*<td>9:00–13:00<\/td>/i);
      expect(body).toMatch(/<th scope="row">martedì – domenica<\/th>\s*<td>chiuso<\/td>/i);
      expect(body).toContain('Chiuso nei giorni festivi.');
      expect(body).toContain('id="contacts"');
      expect(body).toContain('href="/it/segnala">Segnala una discriminazione</a>');
      expect(body).toContain('Comuni di competenza');
      expect(body).toContain(`href="/en/help-desks/${ids['firenze']}" hreflang="en"`);
      expect(body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
    });

    it('lists the closures of the next 30 days', async () => {
      const desk = (await loadDesk(db(), ids['firenze']!))!;
      const municipalities = await competentMunicipalities(db(), desk.id);
      const page = renderDeskPage('it', { desk, municipalities }, new Date('2026-11-24T09:00:00Z'));
      expect(page).toMatch(/martedì 1 dicembre<\/strong>:\s*chiuso/i);
      expect(page).toMatch(/martedì 8 dicembre<\/strong>:\s*chiuso \(festivo\)/i);
      expect(page).not.toContain('25 dicembre');
      expect(page).toContain('Firenze (FI)');
    });

    it('answers 404 in the layout for unknown, inactive and malformed ids', async () => {
      for (const url of [
        '/it/sportelli/00000000-0000-4000-8000-000000000000',
        `/it/sportelli/${ids['inactive']}`,
        `/en/help-desks/${ids['inactiveOrganisation']}`,
        '/it/sportelli/not-a-uuid',
        "/it/sportelli/1'%20or%201=1",
      ]) {
        const response = await get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.body).toContain('<main id="main"');
        expect(response.body).toContain(
          url.startsWith('/en') ? 'Page not found' : 'Pagina non trovata',
        );
      }
    });
  });

  describe('network map', () => {
    it('draws the region of the lead partner with an SVG and a table of every municipality', async () => {
      const features = await loadRegionMunicipalities('09');
      for (const url of ['/it/mappa', '/en/map']) {
        const response = await get(url);
        expect(response.statusCode).toBe(200);
        const body = response.body;
        expect(body).toMatch(
          /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="[^"]+" role="img"/,
        );
        expect(body.match(/<h1[ >]/g)).toHaveLength(1);
        expect(body).toContain('ISTAT, Openpolis (CC BY 4.0)');
        expect(body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
        const table = body.slice(body.indexOf('<tbody>'), body.indexOf('</tbody>'));
        expect(table.match(/<tr>/g)).toHaveLength(features.length);
      }
      const body = (await get('/it/mappa')).body;
      const row = (name: string) =>
        new RegExp(`<th scope="row">${name}</th>\\s*<td>[A-Z]{2}</td>\\s*<td>([^<]+)</td>`).exec(
          body,
        )?.[1];
      expect(row('Firenze')).toBe('Con uno sportello competente');
      expect(row('Lucca')).toBe('Con uno sportello competente');
      expect(row('Pisa')).toBe('Aderente alla rete');
      // Prato's member is inactive, and its territory (Cantagallo) does not count either.
      expect(row('Prato')).toBe('Non ancora nella rete');
      expect(row('Cantagallo')).toBe('Non ancora nella rete');
      expect(row('Fiesole')).toBe('Non ancora nella rete');
    });
  });

  describe('the network in numbers', () => {
    it('shows figures computed from the data on the home page', async () => {
      const figures = await loadNetworkFigures(db());
      // Seats Firenze, Pisa, Forlì; territories Lucca, Pisa.
      expect(figures).toEqual({
        municipalities: 4,
        associations: 2,
        unarProtocols: 2,
        activeDesks: 3,
      });
      const body = (await get('/it')).body;
      expect(body).toMatch(/<dt>comuni nella rete<\/dt>\s*<dd>4<\/dd>/);
      expect(body).toMatch(/<dt>associazioni nella rete<\/dt>\s*<dd>2<\/dd>/);
      expect(body).toMatch(/<dt>protocolli UNAR firmati<\/dt>\s*<dd>2<\/dd>/);
      expect(body).toMatch(/<dt>sportelli attivi<\/dt>\s*<dd>3<\/dd>/);
      expect(body).toMatch(/Dati aggiornati al \d{1,2} \w+ \d{4}\./);
      const english = (await get('/en')).body;
      expect(english).toMatch(/<dt>active help desks<\/dt>\s*<dd>3<\/dd>/);
      expect(english).toMatch(/Figures as of \w+ \d{1,2}, \d{4}\./);
    });

    it('links the new pages from the header and the footer', async () => {
      const body = (await get('/it/privacy')).body;
      expect(body.match(/href="\/it\/sportelli"/g)?.length).toBeGreaterThanOrEqual(2);
      expect(body.match(/href="\/it\/mappa"/g)?.length).toBeGreaterThanOrEqual(2);
    });

    it('declares the new pages public and unaudited', () => {
      const routes = context.app.routeTable.filter(
        (route) =>
          route.method === 'GET' &&
          /^\/(it\/sportelli|en\/help-desks|it\/mappa|en\/map)/.test(route.url),
      );
      expect(routes.map((route) => route.url).sort()).toEqual(
        [
          '/en/help-desks',
          '/en/help-desks/:id',
          '/en/map',
          '/it/mappa',
          '/it/sportelli',
          '/it/sportelli/:id',
        ].sort(),
      );
      for (const route of routes)
        expect(route).toMatchObject({ permission: 'public', audit: null });
    });
  });
});
