import { describe, expect, it } from 'vitest';
import { mapColumns } from './columns.ts';
import { exportRows, italianCsvText } from './export-rows.ts';
import { MunicipalityIndex, parseRows } from './parse-rows.ts';
import { planImport, type ExistingOrganisation } from './plan.ts';
import { decodeText, detectDelimiter, readCsv } from './table.ts';
import { cellText, parseDate, parseKind, parseRole, parseWebsite, parseYesNo } from './values.ts';

const municipalities = new MunicipalityIndex(
  [
    { code: '048017', name: 'Firenze', regionCode: '09' },
    { code: '040012', name: 'Forlì', regionCode: '08' },
    { code: '054013', name: 'Città di Castello', regionCode: '10' },
    { code: '005014', name: 'Calliano', regionCode: '01' },
    { code: '022034', name: 'Calliano', regionCode: '04' },
    { code: '097045', name: 'Samone', regionCode: '09' },
    { code: '001234', name: 'Samone', regionCode: '01' },
  ],
  '09',
);
const today = '2026-11-23';
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading a CSV as Excel writes it', () => {
  it('detects the separator from the header, ignoring quoted text', () => {
    expect(detectDelimiter('nome;tipo;"a,b,c"\r\n')).toBe(';');
    expect(detectDelimiter('\r\nname,kind,"a;b;c;d"\n')).toBe(',');
  });

  it('handles BOM, CRLF, empty lines and numbers rows as the spreadsheet shows them', () => {
    const table = readCsv(
      utf8('\uFEFFNome;Tipo\r\n\r\nArci;Associazione\r\n;;\r\n"Via ""A""; 1";Comune\r\n'),
    );
    expect(table.headers).toEqual(['Nome', 'Tipo']);
    expect(table.rows).toEqual([
      { row: 3, cells: ['Arci', 'Associazione'] },
      { row: 5, cells: ['Via "A"; 1', 'Comune'] },
    ]);
  });

  it('falls back to Windows-1252 for files that are not UTF-8', () => {
    expect(decodeText(new Uint8Array([0x46, 0x6f, 0x72, 0x6c, 0xec]))).toBe('Forlì');
    expect(decodeText(utf8('Forlì'))).toBe('Forlì');
  });
});

describe('values', () => {
  it('reads dates in Italian and ISO form and refuses impossible ones', () => {
    expect(parseDate('01/02/2024')).toBe('2024-02-01');
    expect(parseDate('1.2.2024')).toBe('2024-02-01');
    expect(parseDate('2024-02-01')).toBe('2024-02-01');
    expect(parseDate(45323)).toBe('2024-02-01');
    expect(parseDate(new Date(Date.UTC(2024, 1, 1)))).toBe('2024-02-01');
    expect(parseDate('31/02/2024')).toBeNull();
    expect(parseDate('2024/13/01')).toBeNull();
    expect(parseDate('ieri')).toBeNull();
  });

  it('maps Italian and English labels to codes', () => {
    expect(parseKind('Università')).toBe('university');
    expect(parseKind('universita')).toBe('university');
    expect(parseKind('COMUNE')).toBe('municipality');
    expect(parseKind('Sportello')).toBe('help_desk');
    expect(parseKind('help_desk')).toBe('help_desk');
    expect(parseRole('Capofila')).toBe('lead_partner');
    expect(parseRole('nodo')).toBe('node');
    expect(parseYesNo('Sì')).toBe(true);
    expect(parseYesNo('no')).toBe(false);
    expect(parseWebsite('www.arci.it')).toBe('https://www.arci.it');
    expect(parseWebsite('not a site')).toBeNull();
    expect(cellText("'+39 055 123")).toBe('+39 055 123');
    expect(cellText('  a\u00a0 b ')).toBe('a b');
    expect(cellText('a\u0000b')).toBe('a b');
  });

  it('recognises headers without case or accents and lists the unknown ones', () => {
    const columns = mapColumns(['NOME', 'Città', 'E-mail', 'Referente', 'ruolo nella rete']);
    expect([...columns.fields.keys()]).toEqual(['name', 'municipality', 'email', 'networkRole']);
    expect(columns.ignored).toEqual(['Referente']);
  });
});

describe('parsing rows', () => {
  const parse = (headers: string[], ...rows: string[][]) =>
    parseRows(
      { headers, rows: rows.map((cells, index) => ({ row: index + 2, cells })) },
      municipalities,
      today,
    );

  it('finds municipalities typed without accents, in the region first, and rejects ambiguous ones', () => {
    const result = parse(
      ['nome', 'comune'],
      ['A', 'Forli'],
      ['B', "Citta' di Castello"],
      ['C', 'Samone'],
      ['D', 'Calliano'],
      ['E', 'Atlantide'],
      ['F', '048017'],
    );
    expect(result.rows.map((row) => [row.name, row.values.municipalityCode])).toEqual([
      ['A', '040012'],
      ['B', '054013'],
      ['C', '097045'],
      ['F', '048017'],
    ]);
    expect(
      result.rejected.map((rejection) => [rejection.row, rejection.column, rejection.reason]),
    ).toEqual([
      [5, 'comune', 'ambiguous_municipality'],
      [6, 'comune', 'unknown_municipality'],
    ]);
  });

  it('reports each bad value with its row and the column as written in the file', () => {
    const result = parse(
      ['Nome', 'Data adesione', 'CAP', 'Email', 'Protocollo UNAR'],
      ['A', '31/02/2024', '501AB', 'x@', '01/01/2999'],
    );
    expect(
      result.rejected.map((rejection) => [rejection.row, rejection.column, rejection.reason]),
    ).toEqual([
      [2, 'CAP', 'bad_postal_code'],
      [2, 'Email', 'bad_email'],
      [2, 'Data adesione', 'bad_date'],
      [2, 'Protocollo UNAR', 'future_date'],
    ]);
  });
});

describe('planning', () => {
  const existing: ExistingOrganisation = {
    id: 'org-1',
    name: 'Comune di Forlì',
    searchName: 'comune di forli',
    networkLeftOn: null,
    territories: [],
    referralsTo: [],
    values: {
      kind: 'municipality',
      municipalityCode: '040012',
      address: null,
      postalCode: null,
      email: null,
      phone: null,
      website: null,
      networkRole: 'node',
      networkJoinedOn: '2024-01-01',
      unarProtocolSignedOn: null,
      status: 'active',
      latitude: null,
      longitude: null,
      description: null,
    },
  };
  const searchName = (name: string) => name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

  it('creates, updates only what differs, counts unchanged and rejects later duplicates', () => {
    const parsed = parseRows(
      {
        headers: ['Nome', 'Tipo', 'Comune', 'Email', 'Ruolo nella rete', 'Data adesione'],
        rows: [
          { row: 2, cells: ['Comune di Forli', 'Comune', 'Forli', '', 'Nodo', '01/01/2024'] },
          { row: 3, cells: ['Arci Firenze', 'Associazione', 'Firenze', 'info@arci.it', '', ''] },
          { row: 4, cells: ['ARCI FIRENZE', 'Associazione', 'Firenze', '', '', ''] },
          { row: 5, cells: ['Nuovo', '', 'Firenze', '', '', ''] },
          { row: 6, cells: ['Membro', 'Associazione', '', '', 'Partner', ''] },
        ],
      },
      municipalities,
      today,
    );
    const plan = planImport({ ...parsed, nameColumn: 'Nome' }, searchName, [existing]);
    expect(plan.unchanged).toBe(1);
    expect(plan.update).toEqual([]);
    expect(plan.create.map((row) => row.name)).toEqual(['Arci Firenze']);
    expect(plan.create[0]!.changes).toMatchObject({
      kind: { from: null, to: 'association' },
      email: { from: null, to: 'info@arci.it' },
    });
    expect(
      plan.rejected.map((rejection) => [rejection.row, rejection.reason, rejection.params]),
    ).toEqual([
      [4, 'duplicate_row', { first: 3 }],
      [5, 'kind_required', undefined],
      [6, 'member_needs_joined_on', undefined],
    ]);

    const changed = parseRows(
      {
        headers: ['Nome', 'Email'],
        rows: [{ row: 2, cells: ['Comune di Forlì', 'urp@comune.forli.fc.it'] }],
      },
      municipalities,
      today,
    );
    const update = planImport({ ...changed, nameColumn: 'Nome' }, searchName, [existing]);
    expect(update.update).toEqual([
      {
        row: 2,
        name: 'Comune di Forlì',
        organisationId: 'org-1',
        changes: { email: { from: null, to: 'urp@comune.forli.fc.it' } },
      },
    ]);
  });
});

describe('the UNAR protocol column', () => {
  const organisation = (signedOn: string | null): ExistingOrganisation => ({
    id: 'org-2',
    name: 'Comune di Pisa',
    searchName: 'comune di pisa',
    networkLeftOn: null,
    territories: [],
    referralsTo: [],
    values: {
      kind: 'municipality',
      municipalityCode: null,
      address: null,
      postalCode: null,
      email: null,
      phone: null,
      website: null,
      networkRole: null,
      networkJoinedOn: null,
      unarProtocolSignedOn: signedOn,
      status: 'active',
      latitude: null,
      longitude: null,
      description: null,
    },
  });
  const plan = (answer: string, signedOn: string | null) =>
    planImport(
      {
        ...parseRows(
          {
            headers: ['Nome', 'Protocollo UNAR'],
            rows: [{ row: 2, cells: ['Comune di Pisa', answer] }],
          },
          municipalities,
          today,
        ),
        nameColumn: 'Nome',
      },
      (name) => name.toLowerCase(),
      [organisation(signedOn)],
    );

  it('takes "sì" as already signed, and asks for the date when it was not', () => {
    expect(plan('sì', '2024-01-01').unchanged).toBe(1);
    expect(plan('Sì', null).rejected.map((rejection) => rejection.reason)).toEqual([
      'protocol_needs_date',
    ]);
    expect(plan('no', '2024-01-01').update[0]!.changes).toEqual({
      unarProtocolSignedOn: { from: '2024-01-01', to: null },
    });
    expect(plan('05/06/2024', null).update[0]!.changes).toEqual({
      unarProtocolSignedOn: { from: null, to: '2024-06-05' },
    });
  });
});

describe('export values', () => {
  it('writes dates, decimals and formula-like text for Italian Excel', () => {
    expect(italianCsvText({ date: '2024-02-01' })).toBe('01/02/2024');
    expect(italianCsvText(43.7696)).toBe('43,7696');
    expect(italianCsvText('+39 055 123')).toBe("'+39 055 123");
    expect(italianCsvText(null)).toBe('');
  });

  it('exports labels the import reads back', () => {
    const [row] = exportRows(
      [
        {
          id: 'x',
          name: 'Università di Pisa',
          municipalityName: null,
          kind: 'university',
          municipalityCode: null,
          address: null,
          postalCode: null,
          email: null,
          phone: null,
          website: null,
          networkRole: 'lead_partner',
          networkJoinedOn: '2024-01-01',
          unarProtocolSignedOn: null,
          status: 'active',
          latitude: null,
          longitude: null,
          description: null,
          territories: ['005014', '048017', '097045'],
          referralsTo: ['Arci Firenze', 'Caritas, Livorno'],
        },
      ],
      'it',
      municipalities,
    );
    expect(row!.slice(0, 2)).toEqual(['Università di Pisa', 'Università']);
    expect(parseKind(row![1] as string)).toBe('university');
    expect(parseRole(row![9] as string)).toBe('lead_partner');
    // Two municipalities are called Calliano, neither in the network's region: the code decides.
    expect(row!.slice(16)).toEqual([
      'Calliano (005014), Firenze, Samone',
      'Arci Firenze | Caritas, Livorno',
    ]);
  });
});
