import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../../src/modules/reference/load-reference-data.ts';
import { createTestApp, createUser, TestClient, type TestContext } from '../../helpers/test-app.ts';
import { excelCsv, importClient } from './import-client.ts';

describe('mapping survey import: territories and referrals', () => {
  let context: TestContext;
  let client: ReturnType<typeof importClient>;
  const db = () => context.database.handle.db;

  const territoriesOf = async (name: string) =>
    (
      await db()
        .selectFrom('organisation_territories')
        .innerJoin('organisations', 'organisations.id', 'organisation_territories.organisation_id')
        .select('organisation_territories.municipality_code')
        .where('organisations.name', '=', name)
        .orderBy('municipality_code')
        .execute()
    ).map((row) => row.municipality_code);

  const referralsOf = async (name: string) =>
    (
      await db()
        .selectFrom('referral_links')
        .innerJoin('organisations as source', 'source.id', 'referral_links.from_organisation_id')
        .innerJoin('organisations as target', 'target.id', 'referral_links.to_organisation_id')
        .select(['target.name', 'referral_links.description'])
        .where('source.name', '=', name)
        .orderBy('target.name')
        .execute()
    ).map((row) => [row.name, row.description]);

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
        { name: 'Caritas', kind: 'association', municipality_code: '048017' },
        { name: 'Caritàs', kind: 'association', municipality_code: '049009' },
      ])
      .execute();
    const admin = new TestClient(context.app);
    await admin.signIn(
      await createUser(context, { roles: ['network_admin'], organisationId: lead.id }),
    );
    client = importClient(admin);
  });
  afterAll(() => context.close());

  const survey = excelCsv([
    'Nome;Tipo;Comune;Territori;Invia a',
    'Unione dei Comuni del Valdarno;Unione di comuni;Montevarchi;"Montevarchi, Bucine | terranuova bracciolini";Centro Antidiscriminazione Valdarno',
    'Centro Antidiscriminazione Valdarno;Associazione;Montevarchi;051026;Comune di Forli | Regione Toscana',
    'Comune di Forli;;;Forli;',
    'Consorzio Sud;Consorzio socio-sanitario;;Calliano, Fiesole;',
    'Consorzio Nord;Consorzio socio-sanitario;;Atlantide;',
    'Sportello Solo;Associazione;;;Sportello Solo',
    'Associazione Fantasma;Associazione;;;Nessuno Conosce',
    'Rete Ambigua;Associazione;;;Caritas',
    'Ente Senza Tipo;;;;',
    'Chi Invia Al Senza Tipo;Associazione;;;Ente Senza Tipo',
  ]);

  it('resolves territories by name (accents optional) or code, and referrals in the file and the network', async () => {
    const preview = await client.preview('mappatura.csv', survey);
    expect(preview.create.map((row) => [row.row, row.name])).toEqual([
      [2, 'Unione dei Comuni del Valdarno'],
      [3, 'Centro Antidiscriminazione Valdarno'],
    ]);
    expect(preview.create[0]!.changes).toMatchObject({
      territoryCodes: { from: [], to: ['051005', '051026', '051039'] },
      referralsTo: { from: [], to: ['Centro Antidiscriminazione Valdarno'] },
    });
    expect(preview.create[1]!.changes['referralsTo']).toEqual({
      from: [],
      to: ['Comune di Forlì', 'Regione Toscana'],
    });
    expect(preview.update).toEqual([
      {
        row: 4,
        name: 'Comune di Forlì',
        organisationId: expect.any(String),
        changes: { territoryCodes: { from: [], to: ['040012'] } },
      },
    ]);
    expect(preview.rejected).toEqual([
      {
        row: 5,
        column: 'Territori',
        reason: expect.stringContaining('Più comuni si chiamano "Calliano"'),
      },
      {
        row: 6,
        column: 'Territori',
        reason: 'Comune "Atlantide" non trovato tra i comuni ISTAT.',
      },
      {
        row: 7,
        column: 'Invia a',
        reason: 'Un\'organizzazione non può inviare persone a se stessa ("Sportello Solo").',
      },
      {
        row: 8,
        column: 'Invia a',
        reason: expect.stringContaining('"Nessuno Conosce" non trovata'),
      },
      { row: 9, column: 'Invia a', reason: expect.stringContaining('Più organizzazioni (2)') },
      { row: 10, column: 'Nome', reason: 'Per una nuova organizzazione serve il tipo.' },
      // The row it refers to is rejected and not in the network: rejected in turn.
      {
        row: 11,
        column: 'Invia a',
        reason: expect.stringContaining('"Ente Senza Tipo" non trovata'),
      },
    ]);
  });

  it('applies territories and referrals with the organisations, then re-imports as unchanged', async () => {
    const preview = await client.preview('mappatura.csv', survey);
    const response = await client.confirm(preview.previewId);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 2, updated: 1, unchanged: 0 });
    expect(await territoriesOf('Unione dei Comuni del Valdarno')).toEqual([
      '051005',
      '051026',
      '051039',
    ]);
    expect(await territoriesOf('Comune di Forlì')).toEqual(['040012']);
    expect(await referralsOf('Centro Antidiscriminazione Valdarno')).toEqual([
      ['Comune di Forlì', null],
      ['Regione Toscana', null],
    ]);
    expect(await referralsOf('Unione dei Comuni del Valdarno')).toEqual([
      ['Centro Antidiscriminazione Valdarno', null],
    ]);
    const forli = await db()
      .selectFrom('network_history')
      .innerJoin('organisations', 'organisations.id', 'network_history.entity_id')
      .select(['network_history.changes', 'network_history.change_kind'])
      .where('organisations.name', '=', 'Comune di Forlì')
      .execute();
    expect(forli).toEqual([
      { change_kind: 'imported', changes: { territoryCodes: { from: [], to: ['040012'] } } },
    ]);

    const again = await client.preview('mappatura.csv', survey);
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
    expect(again.unchanged).toBe(3);
  });

  it('replaces the lists when they change, keeping the description of links that stay', async () => {
    await sql`UPDATE referral_links SET description = 'consulenza legale'
      WHERE to_organisation_id = (SELECT id FROM organisations WHERE name = 'Regione Toscana')`.execute(
      db(),
    );
    const preview = await client.preview(
      'aggiornamento.csv',
      'Nome,Territori,Invia a\n' +
        'Centro Antidiscriminazione Valdarno,"Montevarchi|Bucine",Regione Toscana\n' +
        'Unione dei Comuni del Valdarno,,nessuno\n',
    );
    expect(preview.rejected).toEqual([]);
    expect(preview.update.map((row) => [row.name, row.changes])).toEqual([
      [
        'Centro Antidiscriminazione Valdarno',
        {
          territoryCodes: { from: ['051026'], to: ['051005', '051026'] },
          referralsTo: { from: ['Comune di Forlì', 'Regione Toscana'], to: ['Regione Toscana'] },
        },
      ],
      [
        'Unione dei Comuni del Valdarno',
        { referralsTo: { from: ['Centro Antidiscriminazione Valdarno'], to: [] } },
      ],
    ]);
    expect((await client.confirm(preview.previewId)).statusCode).toBe(200);
    expect(await referralsOf('Centro Antidiscriminazione Valdarno')).toEqual([
      ['Regione Toscana', 'consulenza legale'],
    ]);
    expect(await referralsOf('Unione dei Comuni del Valdarno')).toEqual([]);
    // A blank territories cell leaves them as they are.
    expect(await territoriesOf('Unione dei Comuni del Valdarno')).toHaveLength(3);
  });

  it('answers a conflict when the links changed since the preview, writing nothing', async () => {
    const preview = await client.preview(
      'x.csv',
      excelCsv(['Nome;Territori', 'Comune di Forlì;Forlì, Firenze']),
    );
    expect(preview.update).toHaveLength(1);
    await sql`INSERT INTO organisation_territories (organisation_id, municipality_code)
      SELECT id, '048015' FROM organisations WHERE name = 'Comune di Forlì'`.execute(db());
    expect((await client.confirm(preview.previewId)).statusCode).toBe(409);
    expect(await territoriesOf('Comune di Forlì')).toEqual(['040012', '048015']);
  });

  it('exports territories and referrals as columns that re-import unchanged', async () => {
    const admin = new TestClient(context.app);
    await admin.signIn(await createUser(context, { roles: ['network_admin'] }));
    const csv = await admin.get('/api/organisations/export?format=csv');
    const text = csv.rawPayload.toString('utf8');
    expect(text.split('\r\n')[0]).toContain(';Territori;Invia a');
    expect(text).toContain('Bucine, Montevarchi, Terranuova Bracciolini');
    expect(text).toContain(';Regione Toscana\r\n');
    const again = await client.preview('export.csv', csv.rawPayload);
    expect(again.rejected).toEqual([]);
    expect(again.create).toEqual([]);
    expect(again.update).toEqual([]);
  });
});
