import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import {
  createOrganisation,
  createTestApp,
  createUser,
  TestClient,
  type TestContext,
  type TestUser,
} from '../../helpers/test-app.ts';

const fixtures = join(import.meta.dirname, '../../fixtures/network-import');
const fixture = (name: string) => readFileSync(join(fixtures, name));

/** A multipart/form-data body with one file, as a browser sends it. */
function multipart(fileName: string, content: Buffer | string) {
  const boundary = `----osservatorio${Math.random().toString(16).slice(2)}`;
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\n` +
        'Content-Type: application/octet-stream\r\n\r\n',
    ),
    typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

interface Preview {
  previewId: string;
  fileName: string;
  rows: number;
  create: { row: number; name: string; changes: Record<string, { from: unknown; to: unknown }> }[];
  update: {
    row: number;
    name: string;
    organisationId: string;
    changes: Record<string, { from: unknown; to: unknown }>;
  }[];
  unchanged: number;
  rejected: { row: number; column: string; reason: string }[];
  ignoredColumns: string[];
}

describe('network map: mapping survey import and directory export', () => {
  let context: TestContext;
  let admin: TestClient;
  let adminUser: TestUser;
  const db = () => context.database.handle.db;

  async function upload(client: TestClient, fileName: string, content: Buffer | string) {
    const { body, contentType } = multipart(fileName, content);
    return client.request({
      method: 'POST',
      url: '/api/network/import/preview',
      body,
      headers: { 'content-type': contentType },
    });
  }

  async function preview(fileName: string, content: Buffer | string): Promise<Preview> {
    const response = await upload(admin, fileName, content);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Preview>();
  }

  const confirm = (client: TestClient, previewId: string) =>
    client.post(`/api/network/import/${previewId}/confirm`);

  async function count(table: 'organisations' | 'network_history' | 'audit_log') {
    const row = await db()
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }

  beforeAll(async () => {
    context = await createTestApp();
    await loadReferenceData(db());
    const lead = await db()
      .insertInto('organisations')
      .values({
        name: 'Regione Toscana',
        kind: 'region',
        municipality_code: '048017',
        network_role: 'lead_partner',
        network_joined_on: '2023-01-01',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db()
      .insertInto('organisations')
      .values([
        { name: 'Comune di Forlì', kind: 'municipality', municipality_code: '040012' },
        {
          name: 'Arci Toscana',
          kind: 'association',
          municipality_code: '048017',
          email: 'vecchio@arci.it',
        },
      ])
      .execute();
    adminUser = await createUser(context, { roles: ['network_admin'], organisationId: lead.id });
    admin = new TestClient(context.app);
    expect((await admin.signIn(adminUser)).statusCode).toBe(200);
  });
  afterAll(() => context.close());

  describe('preview of a messy Italian Excel CSV (semicolons, BOM, CRLF, empty lines)', () => {
    let result: Preview;
    beforeAll(async () => {
      result = await preview('mappatura.csv', fixture('survey-semicolon-bom-crlf.csv'));
    });

    it('plans creates, updates of only the changed fields and unchanged rows', () => {
      expect(result.fileName).toBe('mappatura.csv');
      expect(result.rows).toBe(10);
      expect(result.create.map((row) => [row.row, row.name])).toEqual([
        [2, 'Comune di Firenze'],
        [4, 'Associazione Nosotras'],
        [6, 'Comune di Citta di Castello'],
        [12, 'Università di Pisa'],
      ]);
      expect(result.create[0]!.changes).toMatchObject({
        kind: { from: null, to: 'municipality' },
        municipalityCode: { from: null, to: '048017' },
        email: { from: null, to: 'URP@comune.fi.it' },
        website: { from: null, to: 'https://www.comune.fi.it' },
        networkRole: { from: null, to: 'partner' },
        networkJoinedOn: { from: null, to: '2024-03-15' },
        unarProtocolSignedOn: { from: null, to: '2024-04-10' },
      });
      expect(result.create[1]!.changes['address']).toEqual({ from: null, to: 'Via del Leone, 35' });
      // "Citta' di Castello" typed without the accent, outside the network's region.
      expect(result.create[2]!.changes['municipalityCode']).toEqual({ from: null, to: '054013' });
      expect(result.update).toEqual([
        {
          row: 13,
          name: 'Arci Toscana',
          organisationId: expect.any(String),
          changes: { email: { from: 'vecchio@arci.it', to: 'nuovo@arcitoscana.it' } },
        },
      ]);
      // "Comune di Forli" is the existing "Comune di Forlì", and nothing differs.
      expect(result.unchanged).toBe(1);
      expect(result.ignoredColumns).toEqual(['Referente']);
    });

    it('rejects rows with their spreadsheet row number, column and reason', () => {
      expect(result.rejected).toEqual([
        { row: 7, column: 'Nome', reason: 'Duplicato della riga 2.' },
        {
          row: 8,
          column: 'Data adesione',
          reason: 'Data "31/02/2024" non valida: usa gg/mm/aaaa.',
        },
        { row: 9, column: 'Comune', reason: 'Comune "Atlantide" non trovato tra i comuni ISTAT.' },
        {
          row: 10,
          column: 'Comune',
          reason: expect.stringContaining('Più comuni si chiamano "Calliano"'),
        },
      ]);
    });

    it('words the reasons in English for an English reader', async () => {
      const { body, contentType } = multipart(
        'survey.csv',
        fixture('survey-semicolon-bom-crlf.csv'),
      );
      const response = await admin.request({
        method: 'POST',
        url: '/api/network/import/preview',
        body,
        headers: { 'content-type': contentType, 'accept-language': 'en' },
      });
      expect(response.json<Preview>().rejected[0]!.reason).toBe('Duplicate of row 2.');
    });
  });

  it('reads a comma-separated file without BOM and with Unix line endings', async () => {
    const result = await preview('survey.csv', fixture('survey-comma-lf.csv'));
    expect(result.rejected).toEqual([]);
    expect(result.create.map((row) => row.name)).toEqual(['Comune di Prato', 'Caritas, Livorno']);
    expect(result.create[0]!.changes).toMatchObject({
      municipalityCode: { to: '100005' },
      postalCode: { to: '59100' },
      networkRole: { to: 'partner' },
      networkJoinedOn: { to: '2024-01-10' },
      unarProtocolSignedOn: { to: '2024-02-01' },
    });
  });

  it('reads a CSV saved by Excel in Windows-1252 ("CSV (delimitato dal separatore di elenco)")', async () => {
    const result = await preview('vecchio.csv', fixture('survey-windows-1252.csv'));
    expect(result.rejected).toEqual([]);
    expect(result.create.map((row) => [row.name, row.changes['municipalityCode']?.to])).toEqual([
      ['Società della Salute Pisana', '050026'],
      ['Associazione Città Aperta', '040012'],
    ]);
    expect(result.create[0]!.changes['kind']).toEqual({
      from: null,
      to: 'health_social_consortium',
    });
  });

  it('answers client errors, never a 500, to uploads that are not one spreadsheet', async () => {
    const json = await admin.post('/api/network/import/preview', { file: 'x' });
    expect(json.statusCode).toBe(400);
    const tooLarge = await upload(admin, 'big.csv', Buffer.alloc(10 * 1024 * 1024 + 1, 0x41));
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json()).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('reads an XLSX workbook with typed cells', async () => {
    const workbook = await writeXlsxFile(
      [
        ['Nome', 'Tipo', 'Comune', 'CAP', 'Data adesione', 'Ruolo nella rete'],
        [
          'Comune di Livorno',
          'Comune',
          'Livorno',
          { value: 57123, type: Number },
          { value: new Date(Date.UTC(2024, 5, 1)), type: Date, format: 'dd/mm/yyyy' },
          'Nodo',
        ],
      ],
      {},
    ).toBuffer();
    const result = await preview('mappatura.xlsx', workbook);
    expect(result.rejected).toEqual([]);
    expect(result.create[0]!.changes).toMatchObject({
      municipalityCode: { to: '049009' },
      postalCode: { to: '57123' },
      networkJoinedOn: { to: '2024-06-01' },
      networkRole: { to: 'node' },
    });
  });

  it('refuses a file without a name column or that is no spreadsheet, naming the field', async () => {
    const noName = await upload(admin, 'x.csv', 'tipo;comune\r\nComune;Pisa\r\n');
    expect(noName.statusCode).toBe(400);
    expect(noName.json()).toMatchObject({
      error: { code: 'validation_failed', fields: [{ field: 'file' }] },
    });
    const empty = await upload(admin, 'x.csv', '');
    expect(empty.statusCode).toBe(400);
  });

  it('previews a 10,000-row file', async () => {
    const lines = ['Nome;Tipo;Comune;CAP;Email;Data adesione;Ruolo nella rete;Territori;Invia a'];
    for (let index = 1; index <= 10_000; index += 1) {
      // Each refers people to the one before it, which the same file creates.
      lines.push(
        `Associazione ${index};Associazione;Prato;59100;info${index}@example.org;01/01/2024;Nodo;` +
          `Prato, Firenze;${index > 1 ? `Associazione ${index - 1}` : ''}`,
      );
    }
    const startedAt = performance.now();
    const result = await preview('grande.csv', `\uFEFF${lines.join('\r\n')}\r\n`);
    console.info(`10,000-row preview: ${Math.round(performance.now() - startedAt)} ms`);
    expect(result.rows).toBe(10_000);
    expect(result.create).toHaveLength(10_000);
    expect(result.rejected).toEqual([]);

    const confirmedAt = performance.now();
    const response = await confirm(admin, result.previewId);
    console.info(`10,000-row confirm: ${Math.round(performance.now() - confirmedAt)} ms`);
    expect(response.json()).toMatchObject({ created: 10_000, updated: 0, unchanged: 0 });
    const history = await db()
      .selectFrom('network_history')
      .innerJoin('organisations', 'organisations.id', 'network_history.entity_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('organisations.name', 'like', 'Associazione %')
      .where('network_history.change_kind', '=', 'imported')
      .executeTakeFirstOrThrow();
    expect(Number(history.count)).toBe(10_000);
    const links = await db()
      .selectFrom('referral_links')
      .innerJoin('organisations', 'organisations.id', 'referral_links.from_organisation_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('organisations.name', 'like', 'Associazione %')
      .executeTakeFirstOrThrow();
    expect(Number(links.count)).toBe(9_999);
    const territories = await db()
      .selectFrom('organisation_territories')
      .innerJoin('organisations', 'organisations.id', 'organisation_territories.organisation_id')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('organisations.name', 'like', 'Associazione %')
      .executeTakeFirstOrThrow();
    expect(Number(territories.count)).toBe(20_000);
  }, 120_000);

  describe('confirming', () => {
    it('applies the preview in one go with history and one audit row; re-importing changes nothing', async () => {
      const shown = await preview('mappatura.csv', fixture('survey-semicolon-bom-crlf.csv'));
      const organisationsBefore = await count('organisations');
      const response = await confirm(admin, shown.previewId);
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({
        created: 4,
        updated: 1,
        unchanged: 1,
        helpDesks: { created: 0, updated: 0, unchanged: 0 },
      });
      expect(await count('organisations')).toBe(organisationsBefore + 4);

      const firenze = await db()
        .selectFrom('organisations')
        .selectAll()
        .where('name', '=', 'Comune di Firenze')
        .executeTakeFirstOrThrow();
      expect(firenze).toMatchObject({
        kind: 'municipality',
        municipality_code: '048017',
        postal_code: '50122',
        phone: '+39 055 27681',
        network_role: 'partner',
        network_joined_on: '2024-03-15',
        unar_protocol_signed_on: '2024-04-10',
        status: 'active',
      });
      const arci = await db()
        .selectFrom('organisations')
        .select(['id', 'email'])
        .where('name', '=', 'Arci Toscana')
        .executeTakeFirstOrThrow();
      expect(arci.email).toBe('nuovo@arcitoscana.it');

      const history = await db()
        .selectFrom('network_history')
        .selectAll()
        .where('entity_id', '=', arci.id)
        .execute();
      expect(history).toHaveLength(1);
      expect(history[0]).toMatchObject({
        change_kind: 'imported',
        changed_by: adminUser.id,
        changes: { email: { from: 'vecchio@arci.it', to: 'nuovo@arcitoscana.it' } },
      });
      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'network.imported')
        .where('target_id', '=', shown.previewId)
        .execute();
      expect(audit).toHaveLength(1);
      expect(audit[0]!.details).toMatchObject({
        created: 4,
        updated: 1,
        unchanged: 1,
        rejected: 4,
      });

      const again = await preview('mappatura.csv', fixture('survey-semicolon-bom-crlf.csv'));
      expect(again.create).toEqual([]);
      expect(again.update).toEqual([]);
      expect(again.unchanged).toBe(6);
      const historyBefore = await count('network_history');
      expect((await confirm(admin, again.previewId)).json()).toMatchObject({
        created: 0,
        updated: 0,
        unchanged: 6,
      });
      expect(await count('network_history')).toBe(historyBefore);
    });

    it('confirms a preview once, only for whoever made it; others get 404', async () => {
      const shown = await preview('survey.csv', fixture('survey-comma-lf.csv'));
      const otherAdmin = new TestClient(context.app);
      await otherAdmin.signIn(await createUser(context, { roles: ['network_admin'] }));
      expect((await confirm(otherAdmin, shown.previewId)).statusCode).toBe(404);
      expect((await confirm(admin, shown.previewId)).statusCode).toBe(200);
      expect((await confirm(admin, shown.previewId)).statusCode).toBe(404);
      expect((await confirm(admin, 'not-a-uuid')).statusCode).toBe(404);
      expect((await confirm(admin, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    });

    it('does not confirm an expired preview', async () => {
      const shown = await preview('survey.csv', 'Nome;Tipo\r\nScaduta;Associazione\r\n');
      await db()
        .withTables<{ network_import_previews: { id: string; created_at: string } }>()
        .updateTable('network_import_previews')
        .set({ created_at: new Date(Date.now() - 31 * 60_000).toISOString() })
        .where('id', '=', shown.previewId)
        .execute();
      expect((await confirm(admin, shown.previewId)).statusCode).toBe(404);
    });

    it('writes nothing and answers a conflict when the directory changed since the preview', async () => {
      const shown = await preview(
        'survey.csv',
        'Nome;Tipo;Email\r\nArci Toscana;Associazione;terzo@arci.it\r\nPrima Nuova;Associazione;\r\nSeconda Nuova;Associazione;\r\n',
      );
      expect(shown.update).toHaveLength(1);
      expect(shown.create).toHaveLength(2);
      // Someone creates the second organisation before the coordinator confirms.
      await createOrganisation(context, 'SECONDA NUOVA');
      const organisations = await count('organisations');
      const history = await count('network_history');
      const response = await confirm(admin, shown.previewId);
      expect(response.statusCode).toBe(409);
      expect(await count('organisations')).toBe(organisations);
      expect(await count('network_history')).toBe(history);
      const arci = await db()
        .selectFrom('organisations')
        .select('email')
        .where('name', '=', 'Arci Toscana')
        .executeTakeFirstOrThrow();
      expect(arci.email).toBe('nuovo@arcitoscana.it');
      const imported = await db()
        .selectFrom('audit_log')
        .select(['outcome'])
        .where('action', '=', 'network.imported')
        .where('target_id', '=', shown.previewId)
        .execute();
      expect(imported).toEqual([{ outcome: 'failure' }]);
    });
  });

  it('rolls everything back when a write fails after others succeeded', async () => {
    const shown = await preview(
      'survey.csv',
      'Nome;Tipo;Email\r\nArci Toscana;Associazione;quarto@arci.it\r\nTerza Nuova;Associazione;\r\n',
    );
    expect(shown.update).toHaveLength(1);
    expect(shown.create).toHaveLength(1);
    // The history is written after the organisations: make that write fail.
    await sql`CREATE FUNCTION fail_import_history() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(db());
    await sql`CREATE TRIGGER fail_import_history BEFORE INSERT ON network_history
      FOR EACH ROW EXECUTE FUNCTION fail_import_history()`.execute(db());
    const organisations = await count('organisations');
    try {
      const response = await confirm(admin, shown.previewId);
      expect(response.statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER fail_import_history ON network_history`.execute(db());
      await sql`DROP FUNCTION fail_import_history()`.execute(db());
    }
    expect(await count('organisations')).toBe(organisations);
    const arci = await db()
      .selectFrom('organisations')
      .select('email')
      .where('name', '=', 'Arci Toscana')
      .executeTakeFirstOrThrow();
    expect(arci.email).toBe('nuovo@arcitoscana.it');
    // The preview was not used up: once the fault is gone it applies.
    expect((await confirm(admin, shown.previewId)).json()).toMatchObject({
      created: 1,
      updated: 1,
      unchanged: 0,
    });
  });

  it('answers 404 to a user without network.manage, like a missing route', async () => {
    const operator = new TestClient(context.app);
    await operator.signIn(await createUser(context, { roles: ['operator'] }));
    expect((await upload(operator, 'x.csv', 'Nome\r\nA\r\n')).statusCode).toBe(404);
    const shown = await preview('x.csv', 'Nome;Tipo\r\nSolo Admin;Associazione\r\n');
    expect((await confirm(operator, shown.previewId)).statusCode).toBe(404);
  });

  describe('export', () => {
    it('writes CSV for Italian Excel that parses back and re-imports unchanged', async () => {
      const response = await admin.get('/api/organisations/export?format=csv');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toContain('text/csv');
      expect(response.headers['content-disposition']).toMatch(
        /^attachment; filename="rete-organizzazioni-\d{4}-\d{2}-\d{2}\.csv"$/,
      );
      const bytes = response.rawPayload;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = bytes.toString('utf8');
      expect(text).toContain('\r\n');
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      const rows = parse(text, { delimiter: ';', bom: true });
      expect(rows[0]!.slice(0, 3)).toEqual(['Nome', 'Tipo', 'Comune']);
      expect(rows[0]!.slice(-2)).toEqual(['Territori', 'Invia a']);
      // The 10,000 organisations of the large import come back with territories and referrals.
      expect(rows.find((row) => row[0] === 'Associazione 2')!.slice(-2)).toEqual([
        'Firenze, Prato',
        'Associazione 1',
      ]);
      const firenze = rows.find((row) => row[0] === 'Comune di Firenze')!;
      expect(firenze).toContain('15/03/2024');
      expect(firenze).toContain("'+39 055 27681");
      expect(rows.find((row) => row[0] === 'Associazione Nosotras')).toContain('Via del Leone, 35');

      const again = await preview('export.csv', bytes);
      expect(again.rejected).toEqual([]);
      expect(again.create).toEqual([]);
      expect(again.update).toEqual([]);
      expect(again.unchanged).toBe(rows.length - 1);

      const audit = await db()
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'organisations.exported')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ format: 'csv', count: rows.length - 1 });
    });

    it('writes XLSX with typed dates that reads back and re-imports unchanged', async () => {
      const response = await admin.get('/api/organisations/export?format=xlsx');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-disposition']).toContain('.xlsx"');
      const [sheet] = await readXlsxFile(response.rawPayload);
      const header = sheet!.data[0]!;
      const firenze = sheet!.data.find((row) => row[0] === 'Comune di Firenze')!;
      const joined = firenze[header.indexOf('Data adesione')];
      expect(joined).toBeInstanceOf(Date);
      expect((joined as unknown as Date).toISOString().slice(0, 10)).toBe('2024-03-15');

      const again = await preview('export.xlsx', response.rawPayload);
      expect(again.rejected).toEqual([]);
      expect(again.create).toEqual([]);
      expect(again.update).toEqual([]);
    });

    it('writes JSON matching the directory, filtered like the list', async () => {
      const response = await admin.get(
        '/api/organisations/export?format=json&member=yes&kind=municipality',
      );
      expect(response.statusCode).toBe(200);
      const items = response.json<{ name: string; networkRole: string; kind: string }[]>();
      const expected = await db()
        .selectFrom('organisations')
        .select(['name'])
        .where('network_role', 'is not', null)
        .where('kind', '=', 'municipality')
        .orderBy('name')
        .execute();
      expect(items.map((item) => item.name)).toEqual(expected.map((row) => row.name));
      expect(items.find((item) => item.name === 'Comune di Firenze')).toMatchObject({
        kind: 'municipality',
        municipalityCode: '048017',
        municipalityName: 'Firenze',
        networkRole: 'partner',
        networkJoinedOn: '2024-03-15',
        unarProtocolSignedOn: '2024-04-10',
      });
      const searched = await admin.get('/api/organisations/export?format=json&query=forli');
      expect(searched.json<{ name: string }[]>().map((item) => item.name)).toEqual([
        'Comune di Forlì',
      ]);
    });

    it('refuses an unknown format', async () => {
      expect((await admin.get('/api/organisations/export?format=pdf')).statusCode).toBe(400);
    });
  });
});
