import { execFileSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { sql } from 'kysely';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueFormToken } from '../../../src/core/intake-guard.ts';
import { buildApp, type App } from '../../../src/http/app.ts';
import { loggerOptions } from '../../../src/http/logging.ts';
import { readFile } from '../../../src/modules/files/read-file.ts';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../../helpers/test-db.ts';
import { testConfig, TestClient } from '../../helpers/test-app.ts';
import { fillMinimalReport, postForm, upload } from './report-client.ts';

const MARKER = 'Zxqvmarker Pellegrinetti';

async function gpsPhoto(): Promise<Buffer> {
  return sharp({
    create: { width: 32, height: 24, channels: 3, background: { r: 10, g: 120, b: 200 } },
  })
    .withExif({
      IFD0: { Artist: 'Mario Rossi' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 46/1 3044/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '11/1 15/1 1234/100',
      },
    })
    .jpeg()
    .toBuffer();
}

describe('what the report form keeps and what it refuses', () => {
  let database: TestDatabase;
  let app: App;
  const logLines: string[] = [];
  const db = () => database.handle.db;

  beforeAll(async () => {
    database = await createTestDatabase();
    await loadReferenceData(db());
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
      version: '0.0.0-test',
      logger: loggerOptions(config, stream),
    });
    await app.ready();
  }, 240_000);
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('cleans photos, refuses a page named .jpg by name, and removes a file on request', async () => {
    const client = new TestClient(app);
    let page = (await client.get('/it/segnala/6')).body;
    const original = await gpsPhoto();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    let response = await upload(client, '/it/segnala/prove', page, { go: 'upload' }, [
      { name: 'foto.jpg', type: 'image/jpeg', bytes: original },
      {
        name: 'pagina.jpg',
        type: 'image/jpeg',
        bytes: Buffer.from('<html><script>alert(1)</script></html>'),
      },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('«pagina.jpg» non è stato caricato');
    expect(response.body).toContain('pagina web');
    expect(response.body).toContain('href="#files"');
    // The good file of the same upload was kept and is listed with a remove button.
    expect(response.body).toContain('foto.jpg');
    const draft = await db()
      .selectFrom('report_drafts')
      .select('file_ids')
      .executeTakeFirstOrThrow();
    expect(draft.file_ids).toHaveLength(1);
    const stored = await readFile(db(), app.deps.config.masterKeys, draft.file_ids[0]!);
    expect(stored?.purpose).toBe('report_evidence');
    const metadata = await sharp(stored!.bytes).metadata();
    expect(metadata.exif).toBeUndefined();
    expect(stored!.bytes.includes('Mario Rossi')).toBe(false);

    page = (await client.get('/it/segnala/6')).body;
    response = await upload(client, '/it/segnala/prove', page, { remove: draft.file_ids[0]! }, []);
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/it/segnala/6');
    expect((await client.get('/it/segnala/6')).body).toContain('Nessun file allegato.');
    const erased = await db()
      .selectFrom('stored_files')
      .select(['content', 'erased_at'])
      .executeTakeFirstOrThrow();
    expect(erased.content).toBeNull();
    expect(erased.erased_at).not.toBeNull();

    // A forged upload without the CSRF token stores nothing.
    const before = await db().selectFrom('stored_files').select('id').execute();
    response = await upload(
      client,
      '/it/segnala/prove',
      page.replace(/name="_csrf" value="[^"]*"/, 'name="_csrf" value="x"'),
      {},
      [{ name: 'foto.jpg', type: 'image/jpeg', bytes: original }],
    );
    expect(response.statusCode).toBe(403);
    expect(await db().selectFrom('stored_files').select('id').execute()).toHaveLength(
      before.length,
    );
  }, 120_000);

  it('never keeps a name typed in the report in plain text, in the database or the logs', async () => {
    const client = new TestClient(app);
    client.address = '203.0.113.99';
    const review = await fillMinimalReport(client, `Mi ha insultato ${MARKER} davanti a tutti.`);
    let page = (await client.get('/it/segnala/4')).body;
    await postForm(client, '/it/segnala/4', page, {
      role: 'victim',
      perpetrator: 'private_person',
      perpetrator_detail: MARKER,
    });
    page = (await client.get('/it/segnala/7')).body;
    await postForm(client, '/it/segnala/7', page, {
      mode: 'contact',
      name: MARKER,
      email: 'zxqv@example.org',
      consents: ['handling', 'contact'],
    });
    const token = issueFormToken(app.deps.config.hashKey, Date.now() - 10_000);
    const response = await postForm(client, '/it/segnala/invia', review, { form_token: token });
    expect(response.statusCode).toBe(200);
    expect(await db().selectFrom('cases').select('id').execute()).toHaveLength(1);

    const needles = [MARKER, 'Zxqvmarker', 'zxqv@example.org', '203.0.113.99'];
    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(db());
    const byteaColumns = await sql<{ table_name: string; column_name: string }>`
      SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND data_type = 'bytea'`.execute(db());
    for (const needle of needles) {
      for (const { table_name } of tables.rows) {
        const found = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM ${sql.table(table_name)} AS t
          WHERE position(lower(${needle}) in lower(t::text)) > 0`.execute(db());
        expect(found.rows[0]!.n, `${needle} in ${table_name}`).toBe(0);
      }
      for (const { table_name, column_name } of byteaColumns.rows) {
        const found = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM ${sql.table(table_name)}
          WHERE position(convert_to(${needle}, 'UTF8') in ${sql.ref(column_name)}) > 0`.execute(
          db(),
        );
        expect(found.rows[0]!.n, `${needle} in ${table_name}.${column_name}`).toBe(0);
      }
    }
    const logs = logLines.join('\n');
    expect(logLines.length).toBeGreaterThan(3);
    for (const needle of needles) expect(logs).not.toContain(needle);

    if (testDatabaseKind === 'postgresql' && database.config.kind === 'postgresql') {
      const dump = execFileSync('pg_dump', ['--data-only', database.config.url], {
        maxBuffer: 512 * 1024 * 1024,
      }).toString('utf8');
      expect(dump).toContain('report_form_nonces');
      for (const needle of needles) expect(dump).not.toContain(needle);
    }
  }, 120_000);
});
