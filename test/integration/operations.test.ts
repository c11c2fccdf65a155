import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/http/app.ts';
import { loggerOptions } from '../../src/http/logging.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';
import {
  createTestApp,
  createUser,
  testConfig,
  TestClient,
  type TestContext,
} from '../helpers/test-app.ts';

describe('operations', () => {
  let database: TestDatabase;
  let app: App;
  const logLines: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = testConfig({ database: database.config, logLevel: 'debug' });
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        logLines.push(chunk.toString('utf8'));
        callback();
      },
    });
    app = await buildApp({
      config,
      database: database.handle,
      version: '1.2.3',
      logger: loggerOptions(config, stream),
    });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('logs JSON lines without addresses, e-mails, passwords, cookies or query strings', async () => {
    const context = { app, config: app.deps.config, database } as unknown as TestContext;
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(app);
    client.address = '203.0.113.254';
    await client.signIn({ email: user.email, password: 'wrong password typed' });
    await client.signIn(user);
    await client.get('/api/auth/session?search=Mario%20Rossi');
    expect(logLines.length).toBeGreaterThan(3);
    for (const line of logLines) expect(() => JSON.parse(line) as unknown).not.toThrow();
    const all = logLines.join('\n');
    for (const secret of [
      '203.0.113.254',
      user.email,
      user.password,
      'wrong password typed',
      'Mario',
      'osservatorio_session=',
    ]) {
      expect(all).not.toContain(secret);
    }
  });

  it('serves an OpenAPI 3.1 document generated from the route schemas, and its docs UI', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toBe('1.2.3');
    const login = document.paths['/api/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.required).toEqual([
      'email',
      'password',
    ]);
    // Every JSON answer is documented; file downloads (exports) answer bytes, not a schema,
    // and the routes below answer 204 with no body (their schemas live with their modules).
    const noContent = new Set([
      'POST /api/auth/logout',
      'POST /api/auth/password',
      'POST /api/auth/totp/enable',
      'POST /api/auth/totp/disable',
      'POST /api/users/{id}/password',
      'DELETE /api/organisations/{id}/unar-protocol-document',
      'DELETE /api/cases/{id}/documents/{documentId}',
      'DELETE /api/cases/{id}/links/{linkedCaseId}',
    ]);
    const undocumented: string[] = [];
    const operations = document.paths as Record<
      string,
      Record<string, { responses?: Record<string, { content?: unknown }> }>
    >;
    for (const [path, methods] of Object.entries(operations)) {
      if (!path.startsWith('/api/') || path === '/api/openapi.json') continue;
      // Files and images (downloads, a chart) carry no JSON schema.
      const download =
        /\/export(\.|\/|$)|\/download$|\/chart$|-document$|\/documents\/\{documentId\}$/.test(path);
      for (const [method, operation] of Object.entries(methods)) {
        const documented = Object.entries(operation.responses ?? {}).some(
          ([status, response]) => status.startsWith('2') && response.content !== undefined,
        );
        const route = `${method.toUpperCase()} ${path}`;
        if (download && method === 'get') continue;
        if (!documented && !noContent.has(route)) undocumented.push(route);
      }
    }
    expect(undocumented).toEqual([]);
    const docs = await app.inject({ method: 'GET', url: '/api/docs' });
    expect([200, 302]).toContain(docs.statusCode);
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });

  it('answers unknown API addresses with a catalogue error, not a stack', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ error: { code: 'not_found' } });
  });
});

describe('input the database cannot store', () => {
  it('answers 400, not 500, for a NUL character that slips past a schema', async () => {
    const context = await createTestApp();
    try {
      const admin = await createUser(context, { roles: ['network_admin'] });
      const client = new TestClient(context.app);
      await client.signIn(admin);
      const response = await client.get('/api/users?query=a%00b');
      expect(response.statusCode).toBeLessThan(500);
    } finally {
      await context.close();
    }
  });
});
