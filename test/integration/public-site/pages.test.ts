import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../../src/i18n/i18n.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, TestClient, type TestContext } from '../../helpers/test-app.ts';

const pages: { it: string; en: string; title: Record<Locale, string> }[] = [
  {
    it: '/it',
    en: '/en',
    title: { it: 'Rete antidiscriminazioni', en: 'Anti-discrimination network' },
  },
  {
    it: '/it/accessibilita',
    en: '/en/accessibility',
    title: { it: 'Dichiarazione di accessibilità', en: 'Accessibility statement' },
  },
  {
    it: '/it/privacy',
    en: '/en/privacy',
    title: { it: 'Informativa sul trattamento dei dati personali', en: 'Privacy notice' },
  },
  {
    it: '/it/fonti-dati',
    en: '/en/data-sources',
    title: { it: 'Fonti dei dati', en: 'Data sources' },
  },
];

const footerLinks: Record<Locale, string[]> = {
  it: ['/it/accessibilita', '/it/privacy', '/it/fonti-dati', '/app/'],
  en: ['/en/accessibility', '/en/privacy', '/en/data-sources', '/app/'],
};

const other = (locale: Locale): Locale => (locale === 'it' ? 'en' : 'it');

describe('public site pages', () => {
  let context: TestContext;
  const db = () => context.database.handle.db;

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    await db()
      .insertInto('organisations')
      .values([
        {
          name: 'Sportello di prova <b>Lucca</b>',
          kind: 'help_desk',
          municipality_code: '046017',
          network_role: 'node',
          description: 'Ascolto e orientamento a Lucca.',
        },
        {
          name: 'Capofila di prova',
          kind: 'other_public_body',
          municipality_code: '048017',
          network_role: 'lead_partner',
          description: 'Coordina la rete di prova.',
        },
        {
          name: 'Associazione partner di prova',
          kind: 'association',
          municipality_code: '048017',
          network_role: 'partner',
          description: null,
        },
        // Neither is shown: one has not joined the network, the other has left it.
        {
          name: 'Ente non aderente',
          kind: 'association',
          municipality_code: null,
          network_role: null,
        },
        {
          name: 'Ente cessato',
          kind: 'association',
          municipality_code: '050026',
          network_role: 'associate',
          status: 'inactive',
        },
      ])
      .execute();
  });
  afterAll(() => context.close());

  for (const page of pages) {
    for (const locale of ['it', 'en'] as const) {
      it(`serves ${page[locale]} in the layout, in ${locale}`, async () => {
        const response = await context.app.inject({ method: 'GET', url: page[locale] });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
        expect(response.headers['content-security-policy']).toContain("script-src 'self'");
        expect(response.headers['content-security-policy']).toContain("style-src 'self'");
        const body = response.body;
        expect(body).toMatch(/^<!doctype html>/);
        expect(body).toContain(`<html lang="${locale}">`);
        expect(body).toContain(`<title>${page.title[locale]} · Osservatorio</title>`);
        expect(body.match(/<h1[ >]/g)).toHaveLength(1);
        expect(body).toContain('<main id="main"');
        expect(body).toContain('href="#main"');
        // The language switch leads to the same page in the other language.
        const target = page[other(locale)];
        expect(body).toContain(
          `href="${target}" hreflang="${other(locale)}" lang="${other(locale)}"`,
        );
        expect(body).toContain(
          `<link rel="alternate" hreflang="${other(locale)}" href="${target}" />`,
        );
        for (const link of footerLinks[locale]) expect(body).toContain(`href="${link}"`);
        // Strict CSP: nothing inline, and no JavaScript at all.
        expect(body).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);

        const cookie = response.cookies.find((c) => c.name === 'lang');
        expect(cookie).toMatchObject({
          value: locale,
          path: '/',
          maxAge: 31_536_000,
          httpOnly: true,
          sameSite: 'Lax',
        });
      });
    }
  }

  it('lists the network members on the home page, lead partner first, escaped', async () => {
    const body = (await context.app.inject({ method: 'GET', url: '/it' })).body;
    const lead = body.indexOf('Capofila di prova');
    const partner = body.indexOf('Associazione partner di prova');
    const helpDesk = body.indexOf('Sportello di prova &lt;b&gt;Lucca&lt;/b&gt;');
    expect(lead).toBeGreaterThan(0);
    expect(lead).toBeLessThan(partner);
    expect(partner).toBeLessThan(helpDesk);
    expect(body).not.toContain('<b>Lucca</b>');
    expect(body).toContain('Sede: Lucca (LU)');
    expect(body).toContain('La rete è coordinata da Capofila di prova, capofila.');
    expect(body).toContain('>Capofila</span>');
    expect(body).toContain('>Sportelli antidiscriminazione</h3>');
    expect(body).not.toContain('Ente non aderente');
    expect(body).not.toContain('Ente cessato');
    // Three members, seated in two municipalities (Firenze, Lucca).
    expect(body).toMatch(/<dt>organizzazioni aderenti<\/dt>\s*<dd>3<\/dd>/);
    expect(body).toMatch(/<dt>comuni in cui hanno sede gli aderenti<\/dt>\s*<dd>2<\/dd>/);
    expect(body).toContain('href="/app/"');

    const english = (await context.app.inject({ method: 'GET', url: '/en' })).body;
    expect(english).toContain('>Lead partner</span>');
    expect(english).toContain('Based in Lucca (LU)');
    expect(english).toMatch(/<dt>member organisations<\/dt>\s*<dd>3<\/dd>/);
  });

  it('compresses pages for browsers that accept it', async () => {
    const plain = await context.app.inject({ method: 'GET', url: '/it/privacy' });
    const brotli = await context.app.inject({
      method: 'GET',
      url: '/it/privacy',
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['vary']).toContain('accept-encoding');
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);
    expect(brotli.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
  });

  it('names the lead partner as controller and accessibility contact', async () => {
    const privacy = (await context.app.inject({ method: 'GET', url: '/en/privacy' })).body;
    expect(privacy).toContain('The network’s lead partner is Capofila di prova.');
    expect(privacy).toContain('article 9');
    const accessibility = (await context.app.inject({ method: 'GET', url: '/it/accessibilita' }))
      .body;
    expect(accessibility).toContain('Il capofila della rete è Capofila di prova.');
    expect(accessibility).toContain('WCAG 2.1');
  });

  it('counts the municipalities loaded on the data sources page', async () => {
    const body = (await context.app.inject({ method: 'GET', url: '/it/fonti-dati' })).body;
    expect(body).toMatch(/7\.?904 comuni con codice ISTAT/);
    expect(body).toContain('CC BY 3.0 IT');
    expect(body).toContain('CC BY 4.0');
    const english = (await context.app.inject({ method: 'GET', url: '/en/data-sources' })).body;
    expect(english).toContain('7,904 municipalities with ISTAT code');
  });

  describe('/ opens the site in the preferred language', () => {
    const redirect = async (headers: Record<string, string>) => {
      const response = await context.app.inject({ method: 'GET', url: '/', headers });
      expect(response.statusCode).toBe(302);
      expect(response.headers['vary']).toContain('Accept-Language');
      return response.headers['location'];
    };

    it('defaults to Italian', async () => {
      expect(await redirect({})).toBe('/it');
      expect(await redirect({ 'accept-language': 'fr-FR,de;q=0.8' })).toBe('/it');
    });

    it("follows the browser's Accept-Language", async () => {
      expect(await redirect({ 'accept-language': 'en-GB,en;q=0.9,it;q=0.5' })).toBe('/en');
      expect(await redirect({ 'accept-language': 'fr;q=0.9,it;q=0.8,en;q=0.7' })).toBe('/it');
    });

    it('prefers the language remembered in the cookie', async () => {
      expect(await redirect({ cookie: 'lang=en', 'accept-language': 'it-IT' })).toBe('/en');
      expect(await redirect({ cookie: 'lang=it', 'accept-language': 'en-US' })).toBe('/it');
      expect(await redirect({ cookie: 'lang=xx', 'accept-language': 'en-US' })).toBe('/en');
    });

    it('remembers the language of the last page visited', async () => {
      const browser = new TestClient(context.app);
      await browser.get('/en/privacy');
      const response = await browser.get('/', { 'accept-language': 'it-IT' });
      expect(response.headers['location']).toBe('/en');
    });
  });

  describe('error pages', () => {
    it('answers an unknown address with a 404 page in the layout and the language of the URL', async () => {
      const english = await context.app.inject({ method: 'GET', url: '/en/no-such-page' });
      expect(english.statusCode).toBe(404);
      expect(english.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(english.body).toContain('<html lang="en">');
      expect(english.body).toContain('<title>Page not found · Osservatorio</title>');
      expect(english.body).toContain('<h1>Page not found</h1>');
      expect(english.body).toContain('href="/en/privacy"');
      expect(english.body).toContain('href="/it" hreflang="it" lang="it"');

      const italian = await context.app.inject({ method: 'GET', url: '/it/pagina-inesistente' });
      expect(italian.body).toContain('<html lang="it">');
      expect(italian.body).toContain('<h1>Pagina non trovata</h1>');
      expect(italian.body).toContain('href="/it/accessibilita"');
    });

    it('uses the remembered or preferred language outside /it and /en', async () => {
      const byHeader = await context.app.inject({
        method: 'GET',
        url: '/no-such-page',
        headers: { 'accept-language': 'en' },
      });
      expect(byHeader.statusCode).toBe(404);
      expect(byHeader.body).toContain('<html lang="en">');
      const byCookie = await context.app.inject({
        method: 'GET',
        url: '/no-such-page',
        headers: { cookie: 'lang=it', 'accept-language': 'en' },
      });
      expect(byCookie.body).toContain('<html lang="it">');
    });

    it('keeps JSON errors under /api', async () => {
      const response = await context.app.inject({ method: 'GET', url: '/api/no-such-thing' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
    });
  });

  it('declares every page public and unaudited, but the receipt pages that read a case', () => {
    const siteRoutes = context.app.routeTable.filter(
      (route) =>
        route.method === 'GET' &&
        (route.url === '/' || /^\/(it|en)(\/|$)/.test(route.url)) &&
        !/^\/(it\/ricevuta|en\/receipt)(\/|$)/.test(route.url),
    );
    // The full list is reviewed in route-table.test.ts; here: every site page is among them.
    expect(siteRoutes.map((route) => route.url)).toEqual(
      expect.arrayContaining(['/', ...pages.flatMap((page) => [page.it, page.en])]),
    );
    for (const route of siteRoutes) {
      expect(route).toMatchObject({ permission: 'public', audit: null });
    }
  });
});
