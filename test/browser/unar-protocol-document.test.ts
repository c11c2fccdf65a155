import { PDFDocument } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/i18n.ts';
import { demoUser, expectNoAxeViolations, startHarness, type BrowserHarness } from './harness.ts';

const it_ = (key: string, values?: Record<string, string | number>) => translate('it', key, values);

async function protocolPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  document.addPage([300, 200]);
  document.setAuthor('Mario Rossi');
  return Buffer.from(await document.save());
}

describe('the signed UNAR protocol in the back office', () => {
  let harness: BrowserHarness;
  beforeAll(async () => {
    harness = await startHarness();
  });
  afterAll(() => harness.close());

  async function signIn(page: Page) {
    const user = demoUser(harness, 'network_admin');
    await page.goto('/app/login');
    await page.getByLabel(it_('bo.login.email')).fill(user.email);
    await page.getByLabel(it_('bo.login.password'), { exact: true }).fill(user.password);
    await page.getByRole('button', { name: it_('bo.login.submit') }).click();
    await page.getByRole('button', { name: it_('bo.header.signOut') }).waitFor();
  }

  it('uploads, refuses a non-PDF next to the field, downloads and removes the document', async () => {
    const organisation = await harness.app.deps.database.db
      .selectFrom('organisations')
      .select(['id', 'name'])
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const page = await harness.newPage();
    await signIn(page);
    await page.goto(`/app/network/organisations/${organisation.id}`);
    const section = page.getByRole('region', { name: it_('bo.network.unarDocument.title') });
    await section.getByText(it_('bo.network.unarDocument.none')).waitFor();
    const fileInput = section.getByLabel(it_('bo.network.unarDocument.file'));

    // A web page named like a PDF is refused, and the message sits next to the field.
    await fileInput.setInputFiles({
      name: 'protocollo.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
    });
    await section.getByRole('button', { name: it_('bo.network.unarDocument.upload') }).click();
    await section.locator('#unar-protocol-file-error').waitFor();
    expect(await fileInput.getAttribute('aria-invalid')).toBe('true');
    await expectNoAxeViolations(page, 'UNAR protocol refused');

    await fileInput.setInputFiles({
      name: 'Protocollo UNAR.pdf',
      mimeType: 'application/pdf',
      buffer: await protocolPdf(),
    });
    await section.getByRole('button', { name: it_('bo.network.unarDocument.upload') }).click();
    await section.getByText(it_('bo.network.unarDocument.uploaded'), { exact: true }).waitFor();
    const link = section.getByRole('link', {
      name: it_('bo.network.unarDocument.download', { name: 'Protocollo UNAR.pdf' }),
    });
    await link.waitFor();
    await expectNoAxeViolations(page, 'UNAR protocol uploaded');

    const download = await page.request.get(
      `/api/organisations/${organisation.id}/unar-protocol-document`,
    );
    expect(download.status()).toBe(200);
    expect(download.headers()['content-disposition']).toMatch(/^attachment;/);
    expect((await download.body()).includes('Mario Rossi')).toBe(false);

    await section.getByRole('button', { name: it_('bo.network.unarDocument.remove') }).click();
    await section.getByRole('button', { name: it_('bo.network.unarDocument.removeYes') }).click();
    await section.getByText(it_('bo.network.unarDocument.removed')).waitFor();
    await section.getByText(it_('bo.network.unarDocument.none')).waitFor();
  });
});
