import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from '../../../src/http/error-handler.ts';
import { installGuards } from '../../../src/http/guards.ts';
import '../../../src/http/request-context.ts';
import { backOfficeRoutes } from '../../../src/modules/public-site/back-office.ts';
import { createTestApp, testConfig, type TestContext } from '../../helpers/test-app.ts';

const builtIndex = '<!doctype html><html lang="it"><title>Back office</title><div id="root"></div>';

/** The back-office routes alone, behind the real guards, serving the given build directory. */
async function serveBuild(context: TestContext, webDir: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.decorate('deps', {
    config: testConfig({ database: context.database.config }),
    database: context.database.handle,
    version: '0.0.0-test',
  });
  app.setErrorHandler(handleError);
  await app.register(fastifyCookie);
  installGuards(app);
  await app.register(backOfficeRoutes, { webDir });
  await app.ready();
  return app;
}

describe('back office (SPA) at /app', () => {
  let context: TestContext;
  let root: string;
  beforeAll(async () => {
    context = await createTestApp();
    root = mkdtempSync(join(tmpdir(), 'osservatorio-web-'));
  });
  afterAll(async () => {
    rmSync(root, { recursive: true, force: true });
    await context.close();
  });

  it('is declared public and unaudited', () => {
    expect(context.app.routeTable).toContainEqual({
      method: 'GET',
      url: '/app',
      permission: 'public',
      audit: null,
    });
    expect(context.app.routeTable).toContainEqual({
      method: 'GET',
      url: '/app/*',
      permission: 'public',
      audit: null,
    });
  });

  it('explains how to build it when the build is missing', async () => {
    const app = await serveBuild(context, join(root, 'not-built'));
    for (const [url, language] of [
      ['/app', 'it'],
      ['/app/users/123', 'en'],
    ] as const) {
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { 'accept-language': language },
      });
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain(`<html lang="${language}">`);
      expect(response.body).toContain('<code>npm run build</code>');
    }
    await app.close();
  });

  it('serves the build, with the index for client routes and the right caching', async () => {
    const webDir = join(root, 'web');
    mkdirSync(join(webDir, 'assets'), { recursive: true });
    writeFileSync(join(webDir, 'index.html'), builtIndex);
    writeFileSync(join(webDir, 'assets', 'index-Ab12Cd34.js'), 'console.log("spa");');
    writeFileSync(join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    writeFileSync(join(webDir, '.env'), 'SECRET=1');
    writeFileSync(join(root, 'outside.txt'), 'not part of the build');
    const app = await serveBuild(context, webDir);
    const get = (url: string) => app.inject({ method: 'GET', url });

    for (const url of [
      '/app',
      '/app/',
      '/app/users/123',
      '/app/index.html',
      '/app/index.html/users',
      '/app/.env',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toBe('text/html; charset=utf-8');
      expect(response.headers['cache-control'], url).toBe('no-cache');
      expect(response.body, url).toBe(builtIndex);
    }

    const script = await get('/app/assets/index-Ab12Cd34.js');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.body).toBe('console.log("spa");');

    const icon = await get('/app/favicon.svg');
    expect(icon.headers['cache-control']).toBe('public, max-age=3600');

    for (const url of [
      '/app/assets/missing-123.js',
      '/app/%2e%2e/outside.txt',
      '/app/assets/%2e%2e/%2e%2e/outside.txt',
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.body, url).not.toContain('not part of the build');
    }
    await app.close();
  });

  it('answers /app through the full application too', async () => {
    const response = await context.app.inject({ method: 'GET', url: '/app/users/123' });
    expect([200, 503]).toContain(response.statusCode);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
  });
});
