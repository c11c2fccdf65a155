import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../../src/modules/backup/create-backup.ts';
import { restoreBackup } from '../../../src/modules/backup/restore-backup.ts';
import { readFile } from '../../../src/modules/files/read-file.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
} from '../../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-db.ts';

const MARKER = 'MARKER-UNAR-PROTOCOL-4242';

/** A protocol PDF with personal metadata and a marker that stays in the cleaned file. */
async function protocolPdf(): Promise<Buffer> {
  const document = await PDFDocument.create();
  const page = document.addPage([300, 200]);
  page.drawText('Protocollo UNAR', { font: await document.embedFont(StandardFonts.Helvetica) });
  document.setAuthor('Mario Rossi');
  document.setProducer('ScannerSoft');
  const xmp = document.context.stream(
    '<x:xmpmeta><dc:creator>Mario Rossi</dc:creator></x:xmpmeta>',
    {
      Type: 'Metadata',
      Subtype: 'XML',
    },
  );
  document.catalog.set(PDFName.of('Metadata'), document.context.register(xmp));
  document.catalog.set(PDFName.of('OsservatorioTest'), PDFString.of(MARKER));
  return Buffer.from(await document.save({ useObjectStreams: false }));
}

/** A multipart/form-data body with one file, as a browser sends it. */
function multipart(fileName: string, content: Buffer | string, field = 'file') {
  const boundary = `----osservatorio${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
        'Content-Type: application/pdf\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface ErrorBody {
  error: { code: string; fields?: { field: string; message: string }[] };
}

describe('organisations: the signed UNAR protocol document', () => {
  let context: TestContext;
  let pdf: Buffer;
  let organisationA: { id: string; name: string };
  let organisationB: { id: string; name: string };
  const clients: Record<string, TestClient> = {};
  const db = () => context.database.handle.db;
  const url = (id: string) => `/api/organisations/${id}/unar-protocol-document`;

  function upload(
    client: TestClient,
    id: string,
    fileName: string,
    content: Buffer | string,
    field?: string,
  ) {
    const { body, contentType } = multipart(fileName, content, field);
    return client.request({
      method: 'PUT',
      url: url(id),
      body,
      headers: { 'content-type': contentType },
    });
  }

  async function auditActions(organisationId: string) {
    const rows = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', organisationId)
      .where('action', 'like', 'organisations.unar_document_%')
      .where('outcome', '=', 'success')
      .orderBy('id')
      .execute();
    return rows.map((row) => row.action);
  }

  beforeAll(async () => {
    context = await createTestApp();
    pdf = await protocolPdf();
    organisationA = await createOrganisation(context, 'Comune di Prova A');
    organisationB = await createOrganisation(context, 'Comune di Prova B');
    const people = {
      admin: { roles: ['network_admin'] as const, organisationId: organisationB.id },
      coordinatorA: { roles: ['node_coordinator'] as const, organisationId: organisationA.id },
      coordinatorB: { roles: ['node_coordinator'] as const, organisationId: organisationB.id },
      operatorA: { roles: ['operator'] as const, organisationId: organisationA.id },
      operatorB: { roles: ['operator'] as const, organisationId: organisationB.id },
      analyst: { roles: ['analyst'] as const, organisationId: organisationA.id },
      auditor: { roles: ['auditor'] as const, organisationId: organisationA.id },
    };
    for (const [name, options] of Object.entries(people)) {
      const user = await createUser(context, {
        roles: [...options.roles],
        organisationId: options.organisationId,
      });
      const client = new TestClient(context.app);
      expect((await client.signIn(user)).statusCode).toBe(200);
      clients[name] = client;
    }
  }, 180_000);

  afterAll(async () => {
    await context.close();
  });

  it('stores the PDF encrypted and without its metadata, and gives it back as an attachment', async () => {
    expect(pdf.includes('Mario Rossi')).toBe(true);
    const response = await upload(
      clients.coordinatorA!,
      organisationA.id,
      'Protocollo UNAR: firmato?.pdf',
      pdf,
    );
    expect(response.statusCode, response.body).toBe(200);
    const document = response.json<{ fileName: string; sizeBytes: number; uploadedAt: string }>();
    expect(document.fileName).toBe('Protocollo UNAR firmato.pdf');

    const detail = await clients.operatorA!.get(`/api/organisations/${organisationA.id}`);
    expect(detail.json()).toMatchObject({
      unarProtocolDocument: document,
      canDownloadUnarProtocol: true,
    });
    const other = await clients.operatorB!.get(`/api/organisations/${organisationA.id}`);
    expect(other.json()).toMatchObject({
      unarProtocolDocument: document,
      canDownloadUnarProtocol: false,
    });

    const download = await clients.operatorA!.get(url(organisationA.id));
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="Protocollo UNAR firmato.pdf"; filename*=UTF-8''Protocollo%20UNAR%20firmato.pdf`,
    );
    const bytes = download.rawPayload;
    expect(bytes.length).toBe(document.sizeBytes);
    expect(bytes.includes(MARKER)).toBe(true);
    for (const personal of ['Mario Rossi', 'ScannerSoft', 'xmpmeta']) {
      expect(bytes.includes(personal)).toBe(false);
    }
    const reloaded = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(reloaded.getPageCount()).toBe(1);
    expect(reloaded.getAuthor()).toBeUndefined();

    // What the database holds is ciphertext: neither the marker nor the PDF header nor the name.
    const stored = await db()
      .selectFrom('stored_files')
      .selectAll()
      .where('purpose', '=', 'unar_protocol')
      .executeTakeFirstOrThrow();
    const raw = Buffer.from(stored.content!);
    expect(raw.includes(MARKER)).toBe(false);
    expect(raw.includes('%PDF')).toBe(false);
    expect(stored.file_name_encrypted).not.toContain('Protocollo');
    expect(stored).toMatchObject({ media_type: 'application/pdf', size_bytes: document.sizeBytes });

    expect(await auditActions(organisationA.id)).toEqual([
      'organisations.unar_document_uploaded',
      'organisations.unar_document_read',
    ]);
    const history = await clients.coordinatorA!.get(
      `/api/organisations/${organisationA.id}/history`,
    );
    const entries = history.json<{ items: { changes: Record<string, unknown> }[] }>().items;
    expect(entries[0]!.changes).toEqual({
      unarProtocolDocument: { from: null, to: 'Protocollo UNAR firmato.pdf' },
    });
  });

  it('refuses what is not a PDF by its content, naming the field, and oversized files', async () => {
    const cases: [string, Buffer | string, number, string][] = [
      ['protocollo.pdf', '<!doctype html><script>alert(1)</script>', 400, 'validation_failed'],
      ['foto.jpg', '<html><body>x</body></html>', 400, 'validation_failed'],
      [
        'protocollo.pdf',
        await sharp({ create: { width: 4, height: 4, channels: 3, background: 'red' } })
          .png()
          .toBuffer(),
        400,
        'validation_failed',
      ],
      ['protocollo.pdf', 'Un protocollo in testo', 400, 'validation_failed'],
      ['protocollo.pdf', '', 400, 'validation_failed'],
      ['protocollo.pdf', '%PDF-1.7\nnot really', 400, 'validation_failed'],
      ['grande.pdf', Buffer.alloc(10 * 1024 * 1024 + 1, 0x25), 413, 'payload_too_large'],
    ];
    for (const [fileName, content, status, code] of cases) {
      const response = await upload(clients.admin!, organisationB.id, fileName, content);
      expect([fileName, response.statusCode]).toEqual([fileName, status]);
      const body = response.json<ErrorBody>();
      expect(body.error.code).toBe(code);
      expect(body.error.fields?.[0]?.field).toBe('file');
      expect(body.error.fields?.[0]?.message).toMatch(/PDF|MB|vuoto/);
    }
    const notMultipart = await clients.admin!.request({
      method: 'PUT',
      url: url(organisationB.id),
      body: { file: 'x' },
    });
    expect(notMultipart.statusCode).toBeGreaterThanOrEqual(400);
    expect(notMultipart.statusCode).toBeLessThan(500);
    const wrongField = await upload(clients.admin!, organisationB.id, 'p.pdf', pdf, 'document');
    expect(wrongField.statusCode).toBe(400);
    expect(wrongField.json<ErrorBody>().error.fields?.[0]?.field).toBe('file');
    const count = await db()
      .selectFrom('stored_files')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count.count)).toBe(1);
  });

  it('answers 404 to whoever may not upload, read or remove it', async () => {
    const before = await db()
      .selectFrom('audit_log')
      .select((eb) => eb.fn.max('id').as('id'))
      .executeTakeFirstOrThrow();
    const denied = async (client: TestClient) => ({
      put: (await upload(client, organisationA.id, 'p.pdf', pdf)).statusCode,
      get: (await client.get(url(organisationA.id))).statusCode,
      del: (await client.request({ method: 'DELETE', url: url(organisationA.id) })).statusCode,
    });
    expect(await denied(clients.coordinatorB!)).toEqual({ put: 404, get: 404, del: 404 });
    expect(await denied(clients.operatorB!)).toEqual({ put: 404, get: 404, del: 404 });
    expect(await denied(clients.analyst!)).toEqual({ put: 404, get: 404, del: 404 });
    expect(await denied(clients.auditor!)).toEqual({ put: 404, get: 404, del: 404 });
    expect((await upload(clients.operatorA!, organisationA.id, 'p.pdf', pdf)).statusCode).toBe(404);
    expect((await clients.admin!.get(url(organisationA.id))).statusCode).toBe(200);
    expect((await clients.admin!.get(url(organisationB.id))).statusCode).toBe(404);
    expect((await clients.admin!.get(url('not-a-uuid'))).statusCode).toBe(404);
    expect((await clients.admin!.get(url('00000000-0000-4000-8000-000000000000'))).statusCode).toBe(
      404,
    );
    const anonymous = new TestClient(context.app);
    expect((await anonymous.get(url(organisationA.id))).statusCode).toBe(401);
    // Every request wrote its audit row, the refused ones included.
    const rows = await db()
      .selectFrom('audit_log')
      .select(['action', 'outcome'])
      .where('id', '>', Number(before.id))
      .execute();
    expect(rows).toHaveLength(18);
    expect(rows.filter((row) => row.outcome === 'success')).toEqual([
      { action: 'organisations.unar_document_read', outcome: 'success' },
    ]);
  });

  it('never shows the document on public pages', async () => {
    const anonymous = new TestClient(context.app);
    for (const page of ['/it', '/en']) {
      const response = await anonymous.get(page);
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('Protocollo UNAR firmato');
      expect(response.body).not.toContain('unar-protocol-document');
    }
  });

  it('survives a backup and a restore into a fresh database', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'osservatorio-unar-'));
    let target: TestDatabase | undefined;
    try {
      const file = join(directory, 'backup.jsonl.gz');
      await createBackup(context.database.handle, file, { userId: null, label: 'cli' });
      target = await createTestDatabase({ migrate: false });
      await restoreBackup(target.handle, file, {
        force: false,
        actor: { userId: null, label: 'cli' },
      });
      const row = await target.handle.db
        .selectFrom('organisations')
        .select('unar_protocol_file_id')
        .where('id', '=', organisationA.id)
        .executeTakeFirstOrThrow();
      const restored = await readFile(
        target.handle.db,
        context.config.masterKeys,
        row.unar_protocol_file_id!,
      );
      const original = await readFile(db(), context.config.masterKeys, row.unar_protocol_file_id!);
      expect(restored?.bytes.equals(original!.bytes)).toBe(true);
      expect(restored?.fileName).toBe('Protocollo UNAR firmato.pdf');
    } finally {
      await target?.drop();
      rmSync(directory, { recursive: true, force: true });
    }
  }, 60_000);

  it('replaces and removes the document, erasing the content each time', async () => {
    const first = await db()
      .selectFrom('organisations')
      .select('unar_protocol_file_id')
      .where('id', '=', organisationA.id)
      .executeTakeFirstOrThrow();
    const replaced = await upload(clients.admin!, organisationA.id, 'nuovo.pdf', pdf);
    expect(replaced.statusCode, replaced.body).toBe(200);
    const erased = await db()
      .selectFrom('stored_files')
      .select(['content', 'file_name_encrypted', 'erased_at'])
      .where('id', '=', first.unar_protocol_file_id!)
      .executeTakeFirstOrThrow();
    expect(erased).toMatchObject({ content: null, file_name_encrypted: null });
    expect(erased.erased_at).toBeInstanceOf(Date);

    const removed = await clients.coordinatorA!.request({
      method: 'DELETE',
      url: url(organisationA.id),
    });
    expect(removed.statusCode).toBe(204);
    expect((await clients.coordinatorA!.get(url(organisationA.id))).statusCode).toBe(404);
    const detail = await clients.coordinatorA!.get(`/api/organisations/${organisationA.id}`);
    expect(detail.json<{ unarProtocolDocument: unknown }>().unarProtocolDocument).toBeNull();
    const again = await clients.coordinatorA!.request({
      method: 'DELETE',
      url: url(organisationA.id),
    });
    expect(again.statusCode).toBe(404);
    const live = await db()
      .selectFrom('stored_files')
      .select('id')
      .where('erased_at', 'is', null)
      .execute();
    expect(live).toEqual([]);

    const actions = await auditActions(organisationA.id);
    expect(actions.filter((action) => action.endsWith('uploaded'))).toHaveLength(2);
    expect(actions.filter((action) => action.endsWith('removed'))).toHaveLength(1);
    const history = await clients.coordinatorA!.get(
      `/api/organisations/${organisationA.id}/history`,
    );
    const entries = history.json<{ items: { changes: Record<string, unknown> }[] }>().items;
    expect(entries.slice(0, 2).map((entry) => entry.changes)).toEqual([
      { unarProtocolDocument: { from: 'nuovo.pdf', to: null } },
      { unarProtocolDocument: { from: 'Protocollo UNAR firmato.pdf', to: 'nuovo.pdf' } },
    ]);
  });
});
