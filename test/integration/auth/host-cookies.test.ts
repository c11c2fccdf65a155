import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { FormBrowser, reportWithReceipt, setUpDesk } from '../receipt/receipt-fixtures.ts';
import { postForm } from '../report-form/report-client.ts';

/** The Set-Cookie lines of a response that set (not clear) the named cookie. */
function setCookieLines(headers: Record<string, unknown>, name: string): string[] {
  const raw = headers['set-cookie'] as string | string[] | undefined;
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
  return lines.filter((line) => line.startsWith(`${name}=`) && !line.startsWith(`${name}=;`));
}

/** What `__Host-` asks of a cookie, which the browser otherwise refuses. */
function expectHostCookie(line: string | undefined): void {
  expect(line).toBeDefined();
  expect(line).toMatch(/; Secure/);
  expect(line).toMatch(/; Path=\/(;|$)/);
  expect(line).not.toMatch(/Domain=/i);
  expect(line).toMatch(/; HttpOnly/);
}

describe('session-like cookies in production carry the __Host- prefix', () => {
  let context: TestContext;
  beforeAll(async () => {
    context = await createTestApp({ environment: 'production' });
    await setUpDesk(context);
  }, 240_000);
  afterAll(() => context.close());

  it('names the anonymous CSRF and the staff session cookies __Host-, and reads them back', async () => {
    const user = await createUser(context, { roles: ['operator'] });
    const client = new TestClient(context.app);
    const session = await client.get('/api/auth/session');
    expectHostCookie(setCookieLines(session.headers, '__Host-osservatorio_csrf')[0]);
    expect(setCookieLines(session.headers, 'osservatorio_csrf')).toEqual([]);

    const signedIn = await client.signIn(user);
    expect(signedIn.statusCode).toBe(200);
    expectHostCookie(setCookieLines(signedIn.headers, '__Host-osservatorio_session')[0]);
    expect(client.cookies.has('osservatorio_session')).toBe(false);
    const again = await client.get('/api/auth/session');
    expect(again.json().user.email).toBe(user.email);

    const signedOut = await client.post('/api/auth/logout');
    expect(signedOut.statusCode).toBe(204);
    const cleared = String(signedOut.headers['set-cookie']);
    // Clearing a __Host- cookie needs the same Secure and Path, or the browser keeps it.
    expect(cleared).toMatch(/__Host-osservatorio_session=;.*Path=\/.*Secure/);
  });

  it('names the report draft cookie __Host- and finds the draft with it', async () => {
    const client = new TestClient(context.app);
    const page = (await client.get('/it/segnala/1')).body;
    const saved = await postForm(client, '/it/segnala/1', page, {
      narrative: 'Il vicino mi ha insultato sulle scale del palazzo.',
    });
    expect(saved.statusCode).toBe(303);
    expectHostCookie(setCookieLines(saved.headers, '__Host-osservatorio_report')[0]);
    expect(setCookieLines(saved.headers, 'osservatorio_report')).toEqual([]);
    expect((await client.get('/it/segnala/1')).body).toContain('insultato sulle scale');
  });

  it('names the reporter session cookie __Host- and keeps the reporter signed in with it', async () => {
    const report = await reportWithReceipt(context.database.handle.db, context.config);
    const browser = new FormBrowser(context.app);
    const signedIn = await browser.signIn(report.code);
    expect(signedIn.statusCode).toBe(303);
    expectHostCookie(setCookieLines(signedIn.headers, '__Host-osservatorio_receipt')[0]);
    expect(browser.cookies.has('osservatorio_receipt')).toBe(false);
    expect((await browser.get('/it/ricevuta/stato')).statusCode).toBe(200);
  });
});
