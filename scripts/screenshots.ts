import { join } from 'node:path';
import { launchChromium, startDemoServer } from '../test/helpers/demo-server.ts';

/**
 * Regenerates the README's screenshots from the demo network: `node scripts/screenshots.ts`.
 * Uses the test database (PGlite in memory by default), so nothing on disk is touched.
 */
const out = join(import.meta.dirname, '..', 'docs', 'screenshots');
const server = await startDemoServer();
const browser = await launchChromium();
try {
  const context = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 1280, height: 860 },
    locale: 'it-IT',
  });
  const page = await context.newPage();
  await page.goto('/it');
  await page.screenshot({ path: join(out, 'public-home.png') });

  await page.goto('/it/mappa');
  await page.screenshot({ path: join(out, 'public-network-map.png') });

  await page.goto('/it/dati');
  await page.screenshot({
    path: join(out, 'public-data.png'),
    clip: { x: 0, y: 220, width: 1280, height: 860 },
    fullPage: true,
  });

  const phone = await browser.newContext({
    baseURL: server.baseUrl,
    viewport: { width: 360, height: 740 },
    isMobile: true,
    javaScriptEnabled: false,
  });
  const phonePage = await phone.newPage();
  await phonePage.goto('/en');
  await phonePage.screenshot({ path: join(out, 'public-home-phone-no-js.png') });
  await phonePage.goto('/it/sportelli?comune=pontedera');
  await phonePage.screenshot({ path: join(out, 'find-a-desk-phone-no-js.png'), fullPage: true });
  await phonePage.goto('/it/segnala');
  await phonePage.screenshot({ path: join(out, 'report-form-phone-no-js.png'), fullPage: true });

  const signIn = async (role: string) => {
    const user = server.demo.find((credential) => credential.role === role);
    if (!user) throw new Error(`no demo ${role}`);
    await page.goto('/app/login');
    await page.getByLabel('E-mail').fill(user.email);
    await page.getByLabel('Password', { exact: true }).fill(user.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('button', { name: 'Esci' }).waitFor();
  };
  await page.goto('/app/login');
  await page.screenshot({ path: join(out, 'back-office-sign-in.png') });
  await signIn('network_admin');
  await page.getByRole('link', { name: 'Utenti' }).first().click();
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: join(out, 'back-office-users.png') });
  await page.goto('/app/network');
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: join(out, 'back-office-network.png') });
  await page.getByRole('button', { name: 'Esci' }).click();
  await signIn('auditor');
  await page.goto('/app/audit');
  await page.getByRole('table').waitFor();
  await page.getByRole('button', { name: 'Verifica la catena' }).click();
  await page.getByText(/Catena integra/).waitFor();
  await page.screenshot({ path: join(out, 'back-office-audit.png') });
  await page.getByRole('button', { name: 'Esci' }).click();
  await signIn('operator');
  await page.goto('/app/cases?scope=organisation');
  await page.getByRole('table').waitFor();
  await page.screenshot({ path: join(out, 'back-office-cases.png'), fullPage: true });
  await page.getByRole('table').getByRole('link').first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.screenshot({ path: join(out, 'back-office-case.png') });
  await page.getByRole('button', { name: 'Esci' }).click();
  await signIn('analyst');
  await page.goto('/app/stats');
  await page.getByRole('table').first().waitFor();
  await page.screenshot({ path: join(out, 'back-office-stats.png') });
  await page.getByRole('img', { name: /Mappa dei comuni/ }).waitFor();
  await page
    .locator('section[aria-labelledby="stats-map-heading"] figure')
    .screenshot({ path: join(out, 'back-office-stats-map.png') });
  console.log(`Screenshots written to ${out}`);
} finally {
  await browser.close();
  await server.close();
}
