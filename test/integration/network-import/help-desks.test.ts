import { sql } from 'kysely';
import readXlsxFile from 'read-excel-file/node';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { excelCsv, importClient } from './import-client.ts';

const deskHeader =
  'Sportello;Organizzazione;Comune;Indirizzo;Telefono;Email;Canali;Servizi;Lingue;Accessibilità;Accesso;Orari;Comuni di competenza';

describe('mapping survey import: help desks', () => {
  let context: TestContext;
  let admin: TestClient;
  let client: ReturnType<typeof importClient>;
  const db = () => context.database.handle.db;

  const desk = (name: string) =>
    db().selectFrom('help_desks').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const competent = async (name: string) =>
    (
      await db()
        .selectFrom('help_desk_municipalities')
        .innerJoin('help_desks', 'help_desks.id', 'help_desk_municipalities.help_desk_id')
        .select('help_desk_municipalities.municipality_code')
        .where('help_desks.name', '=', name)
        .orderBy('municipality_code')
        .execute()
    ).map((row) => row.municipality_code);
  const count = async (table: 'help_desks' | 'organisations' | 'network_history') =>
    Number(
      (
        await db()
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .executeTakeFirstOrThrow()
      ).count,
    );

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
      .values({ name: 'Comune di Forlì', kind: 'municipality', municipality_code: '040012' })
      .execute();
    admin = new TestClient(context.app);
    await admin.signIn(
      await createUser(context, { roles: ['network_admin'], organisationId: lead.id }),
    );
    client = importClient(admin);
  });
  afterAll(() => context.close());

  const desks = excelCsv([
    deskHeader,
    'Sportello Antidiscriminazioni Firenze;Regione Toscana;Firenze;Via Cavour 18;055 123456;SPORTELLO@regione.toscana.it;Telefono, e-mail, di persona;Ascolto, orientamento, consulenza legale;italiano, inglese, arabo, LIS;accesso senza gradini | bagno accessibile;su appuntamento;"lun-ven 9:00-13:00; mar 15:00-18:00";Firenze, Fiesole, Sesto Fiorentino',
    'Sportello Forli;Comune di Forli;Forli;Piazza Saffi 8;;;di persona;ascolto;italiano;;accesso libero;lunedi e giovedi 9.30-12.30;',
    'Sportello Sovrapposto;Regione Toscana;Firenze;Via Roma 1;;;di persona;;;;su appuntamento;"lun-ven 9:00-13:00; mar 12:00-18:00";',
    'Sportello Orfano;Ente Inesistente;Firenze;;;;telefono;;;;su appuntamento;;',
    'Sportello Muto;Regione Toscana;Firenze;;;;telefono;;;;su appuntamento;;',
    'Sportello Babele;Regione Toscana;Firenze;;055-CHIAMA;;telefono;;klingon;;su appuntamento;;',
    'Sportello Senza Accesso;Regione Toscana;Firenze;;055 1234567;;telefono;;;;;;',
  ]);

  it('previews desks recognised by their headers, with every rejection on its row and column', async () => {
    const preview = await client.preview('sportelli.csv', desks);
    expect(preview.create).toEqual([]);
    expect(
      preview.helpDesks.create.map((row) => [row.row, row.name, row.organisationName]),
    ).toEqual([
      [2, 'Sportello Antidiscriminazioni Firenze', 'Regione Toscana'],
      [3, 'Sportello Forli', 'Comune di Forlì'],
    ]);
    expect(preview.helpDesks.create[0]!.changes).toMatchObject({
      municipalityCode: { from: null, to: '048017' },
      email: { to: 'sportello@regione.toscana.it' },
      channels: { to: ['phone', 'email', 'in_person'] },
      services: { to: ['listening', 'orientation', 'legal_advice'] },
      languages: { to: ['it', 'en', 'ar', 'lis'] },
      accessibility: { to: ['step_free_access', 'accessible_toilet'] },
      accessMode: { to: 'appointment' },
      competentMunicipalityCodes: { to: ['048015', '048017', '048043'] },
    });
    const reasons = preview.rejected.map((rejection) => [rejection.row, rejection.column]);
    expect(reasons).toEqual([
      [4, 'Orari'],
      [5, 'Organizzazione'],
      [6, 'Telefono'],
      [7, 'Telefono'],
      [7, 'Lingue'],
      [8, 'Accesso'],
    ]);
    expect(preview.rejected[0]!.reason).toBe('Orari di martedì: due intervalli si sovrappongono.');
    expect(preview.rejected[1]!.reason).toContain('"Ente Inesistente" non trovata');
    expect(preview.rejected[2]!.reason).toBe('Il canale telefono richiede il numero di telefono.');
    expect(preview.rejected[3]!.reason).toContain('"055-CHIAMA"');
    expect(preview.rejected[4]!.reason).toContain('"klingon"');
  });

  it('creates the desks with hours, competence and history in one go; the same file again changes nothing', async () => {
    const preview = await client.preview('sportelli.csv', desks);
    const response = await client.confirm(preview.previewId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      created: 0,
      updated: 0,
      unchanged: 0,
      helpDesks: { created: 2, updated: 0, unchanged: 0 },
    });
    const firenze = await desk('Sportello Antidiscriminazioni Firenze');
    expect(firenze).toMatchObject({
      municipality_code: '048017',
      address: 'Via Cavour 18',
      phone: '055 123456',
      channels: ['phone', 'email', 'in_person'],
      access_mode: 'appointment',
      status: 'active',
    });
    expect(firenze.opening_hours).toMatchObject({
      weekly: {
        '1': [{ opens: '09:00', closes: '13:00' }],
        '2': [
          { opens: '09:00', closes: '13:00' },
          { opens: '15:00', closes: '18:00' },
        ],
      },
      exceptions: [],
      closedOnPublicHolidays: true,
    });
    // Competence defaults to the desk's own municipality.
    expect(await competent('Sportello Forli')).toEqual(['040012']);
    const history = await db()
      .selectFrom('network_history')
      .selectAll()
      .where('entity_id', '=', firenze.id)
      .execute();
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ entity_type: 'help_desk', change_kind: 'imported' });

    // The public directory reads the desk like one saved from the form.
    const api = await admin.get(`/api/help-desks/${firenze.id}`);
    expect(api.statusCode).toBe(200);

    const again = await client.preview('sportelli.csv', desks);
    expect(again.helpDesks).toEqual({ create: [], update: [], unchanged: 2 });
  });

  it('updates only what changed, keeping exceptions the form added', async () => {
    const before = await desk('Sportello Forli');
    await db()
      .updateTable('help_desks')
      .set({
        opening_hours: JSON.stringify({
          ...(before.opening_hours as object),
          exceptions: [{ date: '2026-12-24', closed: true }],
        }),
      })
      .where('id', '=', before.id)
      .execute();
    const preview = await client.preview(
      'orari.csv',
      excelCsv([
        'Sportello;Organizzazione;Orari;Lingue;Chiuso nei festivi',
        'sportello forlì;COMUNE DI FORLÌ;"Lun 9:30-12:30; gio 9:30-12:30, 15-17";Italiano, Romeno;no',
      ]),
    );
    expect(preview.rejected).toEqual([]);
    expect(preview.helpDesks.update).toHaveLength(1);
    const changes = preview.helpDesks.update[0]!.changes;
    expect(Object.keys(changes).sort()).toEqual(['languages', 'openingHours']);
    expect(changes['languages']).toEqual({ from: ['it'], to: ['it', 'ro'] });
    expect((await client.confirm(preview.previewId)).statusCode).toBe(200);
    const after = await desk('Sportello Forli');
    expect(after.opening_hours).toEqual({
      weekly: {
        '1': [{ opens: '09:30', closes: '12:30' }],
        '4': [
          { opens: '09:30', closes: '12:30' },
          { opens: '15:00', closes: '17:00' },
        ],
      },
      exceptions: [{ date: '2026-12-24', closed: true }],
      closedOnPublicHolidays: false,
    });
  });

  it('reads a workbook with "Organizzazioni" and "Sportelli" sheets, desks of new organisations included', async () => {
    const workbook = await writeXlsxFile([
      {
        sheet: 'Organizzazioni',
        data: [
          ['Nome', 'Tipo', 'Comune', 'Territori'],
          ['Associazione Ponte', 'Associazione', 'Prato', 'Prato'],
        ],
      },
      {
        sheet: 'Sportelli',
        data: [
          ['Sportello', 'Organizzazione', 'Comune', 'Email', 'Canali', 'Accesso', 'Orari'],
          [
            'Sportello Ponte',
            'associazione ponte',
            'Prato',
            'ponte@example.org',
            'email',
            'libero',
            'sab 10-12',
          ],
          ['Sportello Rotto', 'Associazione Ponte', 'Prato', '', 'email', 'libero', ''],
        ],
      },
    ]).toBuffer();
    const preview = await client.preview('mappatura.xlsx', workbook);
    expect(preview.create.map((row) => row.name)).toEqual(['Associazione Ponte']);
    expect(preview.helpDesks.create.map((row) => [row.name, row.organisationName])).toEqual([
      ['Sportello Ponte', 'Associazione Ponte'],
    ]);
    expect(preview.rejected).toEqual([
      {
        row: 3,
        column: 'Email',
        sheet: 'Sportelli',
        reason: "Il canale e-mail richiede l'indirizzo email.",
      },
    ]);
    const response = await client.confirm(preview.previewId);
    expect(response.json()).toMatchObject({ created: 1, helpDesks: { created: 1 } });
    const ponte = await db()
      .selectFrom('help_desks')
      .innerJoin('organisations', 'organisations.id', 'help_desks.organisation_id')
      .select(['organisations.name', 'help_desks.access_mode'])
      .where('help_desks.name', '=', 'Sportello Ponte')
      .executeTakeFirstOrThrow();
    expect(ponte).toEqual({ name: 'Associazione Ponte', access_mode: 'walk_in' });
  });

  it('refuses a desk list that names no desk, rather than creating organisations from it', async () => {
    const response = await client.upload(
      'sportelli.csv',
      excelCsv([
        'Nome;Organizzazione;Canali;Orari',
        'Sportello X;Regione Toscana;telefono;lun 9-12',
      ]),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: { code: 'validation_failed', fields: [{ field: 'file' }] },
    });
  });

  it('reads English headers, commas, LF and no BOM', async () => {
    const preview = await client.preview(
      'desks.csv',
      'Help desk,Organisation,Municipality,Phone,Channels,Access,Opening hours,Competent municipalities\n' +
        'Desk Livorno,Regione Toscana,Livorno,0586 12345,phone,by appointment,"Mon-Fri 9-13",Livorno | Pisa\n',
      'en',
    );
    expect(preview.rejected).toEqual([]);
    expect(preview.helpDesks.create[0]!.changes).toMatchObject({
      municipalityCode: { to: '049009' },
      competentMunicipalityCodes: { to: ['049009', '050026'] },
      openingHours: { to: { weekly: { '5': [{ opens: '09:00', closes: '13:00' }] } } },
    });
  });

  it('writes nothing at all when a desk cannot be written after the organisations were', async () => {
    const preview = await client.preview(
      'tutto.xlsx',
      await writeXlsxFile([
        {
          sheet: 'Organizzazioni',
          data: [
            ['Nome', 'Tipo'],
            ['Associazione Rollback', 'Associazione'],
          ],
        },
        {
          sheet: 'Sportelli',
          data: [
            ['Sportello', 'Organizzazione', 'Comune', 'Telefono', 'Canali', 'Accesso'],
            [
              'Sportello Rollback',
              'Associazione Rollback',
              'Pisa',
              '050 1234',
              'telefono',
              'libero',
            ],
          ],
        },
      ]).toBuffer(),
    );
    expect(preview.rejected).toEqual([]);
    await sql`CREATE FUNCTION fail_desk_import() RETURNS trigger LANGUAGE plpgsql AS
      $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(db());
    await sql`CREATE TRIGGER fail_desk_import BEFORE INSERT ON help_desk_municipalities
      FOR EACH ROW EXECUTE FUNCTION fail_desk_import()`.execute(db());
    const organisations = await count('organisations');
    const desksBefore = await count('help_desks');
    const history = await count('network_history');
    try {
      expect((await client.confirm(preview.previewId)).statusCode).toBe(500);
    } finally {
      await sql`DROP TRIGGER fail_desk_import ON help_desk_municipalities`.execute(db());
      await sql`DROP FUNCTION fail_desk_import()`.execute(db());
    }
    expect(await count('organisations')).toBe(organisations);
    expect(await count('help_desks')).toBe(desksBefore);
    expect(await count('network_history')).toBe(history);
  });

  it('answers a conflict when a desk changed since the preview', async () => {
    const preview = await client.preview(
      'x.csv',
      excelCsv(['Sportello;Organizzazione;Lingue', 'Sportello Forli;Comune di Forlì;italiano']),
    );
    expect(preview.helpDesks.update).toHaveLength(1);
    await db()
      .updateTable('help_desks')
      .set({ languages: ['it', 'ro', 'sq'] })
      .where('name', '=', 'Sportello Forli')
      .execute();
    expect((await client.confirm(preview.previewId)).statusCode).toBe(409);
    expect((await desk('Sportello Forli')).languages).toEqual(['it', 'ro', 'sq']);
  });

  it('exports desks (XLSX second sheet, CSV with sheet=help_desks) that re-import unchanged', async () => {
    const xlsx = await admin.get('/api/organisations/export?format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    const sheets = await readXlsxFile(xlsx.rawPayload);
    expect(sheets.map((sheet) => sheet.sheet)).toEqual(['Organizzazioni', 'Sportelli']);
    const header = sheets[1]!.data[0]!;
    const firenze = sheets[1]!.data.find(
      (row) => row[0] === 'Sportello Antidiscriminazioni Firenze',
    )!;
    expect(firenze[header.indexOf('Orari')]).toBe(
      'lun 9:00-13:00; mar 9:00-13:00, 15:00-18:00; mer-ven 9:00-13:00',
    );
    expect(firenze[header.indexOf('Comuni di competenza')]).toBe(
      'Fiesole, Firenze, Sesto Fiorentino',
    );
    const again = await client.preview('export.xlsx', xlsx.rawPayload);
    expect(again.rejected).toEqual([]);
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
    expect(again.helpDesks.create).toEqual([]);
    expect(again.helpDesks.update).toEqual([]);
    expect(again.helpDesks.unchanged).toBe(await count('help_desks'));

    const csv = await admin.get('/api/organisations/export?format=csv&sheet=help_desks');
    expect(csv.headers['content-disposition']).toMatch(/rete-sportelli-/);
    const fromCsv = await client.preview('sportelli.csv', csv.rawPayload);
    expect(fromCsv.rejected).toEqual([]);
    expect(fromCsv.helpDesks.update).toEqual([]);
    expect(fromCsv.helpDesks.unchanged).toBe(await count('help_desks'));

    const english = await admin.request({
      method: 'GET',
      url: '/api/organisations/export?format=csv&sheet=help_desks',
      headers: { 'accept-language': 'en' },
    });
    expect(english.rawPayload.toString('utf8')).toContain('Mon 9:00-13:00');
    const fromEnglish = await client.preview('desks.csv', english.rawPayload, 'en');
    expect(fromEnglish.rejected).toEqual([]);
    expect(fromEnglish.helpDesks.update).toEqual([]);
  });
});
