import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapItaliaDist } from '../../../src/modules/public-site/bootstrap-italia.ts';
import { createTestApp, type TestContext } from '../../helpers/test-app.ts';

/** `url(...)` references of a stylesheet that the browser would fetch (not data: URIs). */
function fetchedUrls(css: string): string[] {
  return [...css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)]
    .map((match) => match[2]!)
    .filter((url) => !url.startsWith('data:'));
}

describe('public site assets', () => {
  let context: TestContext;
  const get = (url: string, headers: Record<string, string> = {}) =>
    context.app.inject({ method: 'GET', url, headers });

  beforeAll(async () => {
    context = await createTestApp();
  });
  afterAll(() => context.close());

  it('links stylesheets that are served from this server, with long caching', async () => {
    const page = (await get('/it')).body;
    const hrefs = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs).toHaveLength(2);
    for (const href of hrefs) {
      expect(href).toMatch(/^\/assets\/.+\?v=/);
      const response = await get(href);
      expect(response.statusCode, href).toBe(200);
      expect(response.headers['content-type']).toBe('text/css; charset=utf-8');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });

  it('compresses Bootstrap Italia with Brotli or gzip as the browser accepts, and answers 304', async () => {
    const url = '/assets/bootstrap-italia/css/bootstrap-italia.min.css';
    const plain = await get(url);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['vary']).toBe('accept-encoding');
    const original = readFileSync(
      join(bootstrapItaliaDist, 'css', 'bootstrap-italia.min.css'),
      'utf8',
    );
    // The same stylesheet, minus the Video.js icon font that the CSP would block.
    expect(plain.body).toContain('.it-header-slim-wrapper');
    expect(plain.body).not.toContain('font-family:VideoJS;src');
    expect(plain.body.length).toBeLessThan(original.length);

    const brotli = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.rawPayload.length).toBeLessThan(100_000);
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(plain.body);

    const gzip = await get(url, { 'accept-encoding': 'gzip;q=1, br;q=0' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(plain.body);

    const etag = String(brotli.headers['etag']);
    const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.rawPayload.length).toBe(0);
  });

  it('resolves every font and image the stylesheets refer to, with no address on the internet', async () => {
    const stylesheets = {
      '/assets/bootstrap-italia/css/bootstrap-italia.min.css': (
        await get('/assets/bootstrap-italia/css/bootstrap-italia.min.css')
      ).body,
      '/assets/site.css': (await get('/assets/site.css')).body,
    };
    const siteFonts = fetchedUrls(stylesheets['/assets/site.css']);
    expect(siteFonts.length).toBeGreaterThanOrEqual(5);
    for (const [cssPath, css] of Object.entries(stylesheets)) {
      for (const reference of fetchedUrls(css)) {
        expect(reference, `${cssPath} → ${reference}`).not.toMatch(/^(https?:)?\/\//);
        const resolved = new URL(reference, `http://localhost${cssPath}`);
        const response = await get(resolved.pathname);
        expect(response.statusCode, `${cssPath} → ${reference}`).toBe(200);
      }
    }
    const font = await get(
      '/assets/bootstrap-italia/fonts/Titillium_Web/titillium-web-v10-latin-ext_latin-regular.woff2',
    );
    expect(font.headers['content-type']).toBe('font/woff2');
    expect(font.headers['cache-control']).toContain('max-age=');
  });

  it('gives the pages an icon, so browsers do not ask for /favicon.ico', async () => {
    const page = (await get('/en')).body;
    const href = /<link rel="icon" type="image\/svg\+xml" href="([^"]+)"/.exec(page)?.[1];
    expect(href).toMatch(/^\/assets\/favicon\.svg\?v=/);
    const icon = await get(href!);
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
  });

  it('serves the SVG sprites but not the JavaScript, source maps or other files', async () => {
    const sprites = await get('/assets/bootstrap-italia/svg/sprites.svg');
    expect(sprites.statusCode).toBe(200);
    expect(sprites.headers['content-type']).toBe('image/svg+xml');
    for (const url of [
      '/assets/bootstrap-italia/js/bootstrap-italia.bundle.min.js',
      '/assets/bootstrap-italia/css/bootstrap-italia.min.css.map',
      '/assets/bootstrap-italia/fonts/Titillium_Web/../../css/bootstrap-italia.min.css.map',
      '/assets/bootstrap-italia/fonts/%2e%2e/css/bootstrap-italia.min.css.map',
      '/assets/bootstrap-italia/fonts/Lora/LICENSE.txt',
    ]) {
      expect([403, 404], url).toContain((await get(url)).statusCode);
    }
  });
});
