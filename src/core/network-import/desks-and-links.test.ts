import { describe, expect, it } from 'vitest';
import { planHelpDesks, type ExistingHelpDesk } from './desk-plan.ts';
import { isDeskSheet, parseDeskRows } from './desk-rows.ts';
import {
  MunicipalityIndex,
  parseMunicipalityList,
  parseNameList,
  parseRows,
} from './parse-rows.ts';
import { planOrganisations } from './plan.ts';

const municipalities = new MunicipalityIndex(
  [
    { code: '048017', name: 'Firenze', regionCode: '09' },
    { code: '040012', name: 'Forlì', regionCode: '08' },
    { code: '005014', name: 'Calliano', regionCode: '01' },
    { code: '022034', name: 'Calliano', regionCode: '04' },
    { code: '021008', name: 'Bolzano', regionCode: '04' },
  ],
  '09',
);
const key = (name: string) => name.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

describe('list cells', () => {
  it('reads municipalities by name or code with any separator, and names the one it cannot place', () => {
    expect(parseMunicipalityList('Forli | 48017; Firenze,\nForlì', municipalities)).toEqual({
      codes: ['040012', '048017'],
    });
    expect(parseMunicipalityList('Calliano (022034), Firenze', municipalities)).toEqual({
      codes: ['022034', '048017'],
    });
    expect(parseMunicipalityList('nessuno', municipalities)).toEqual({ codes: [] });
    expect(parseMunicipalityList('Firenze, Calliano', municipalities)).toMatchObject({
      error: 'ambiguous_municipality',
      value: 'Calliano',
    });
    expect(parseMunicipalityList('Firenze (040012)', municipalities)).toMatchObject({
      error: 'unknown_municipality',
    });
  });

  it('splits organisation names on | ; and line breaks, never on commas', () => {
    expect(parseNameList('Caritas, Livorno | Arci;  Nosotras \n')).toEqual([
      'Caritas, Livorno',
      'Arci',
      'Nosotras',
    ]);
    expect(parseNameList('-')).toEqual([]);
  });
});

describe('help-desk sheets', () => {
  const table = (headers: string[], ...rows: string[][]) => ({
    headers,
    rows: rows.map((cells, index) => ({ row: index + 2, cells })),
  });

  it('are recognised by a desk name and an organisation column', () => {
    expect(isDeskSheet(['Sportello', 'Organizzazione', 'Orari'])).toBe(true);
    expect(isDeskSheet(['Help desk', 'Organisation'])).toBe(true);
    expect(isDeskSheet(['Nome', 'Tipo', 'Organizzazione'])).toBe(false);
  });

  it('read vocabularies in Italian or English and report the unknown word', () => {
    const parsed = parseDeskRows(
      table(
        ['Sportello', 'Ente', 'Canali', 'Servizi', 'Lingue', 'Accessibilita', 'Accesso', 'Orari'],
        [
          'A',
          'Org',
          'Telefono / in presenza',
          'Legal advice; ASCOLTO',
          'Arabic, ro',
          'LIS',
          'walk-in',
          'lun-ven 9-13',
        ],
        ['B', 'Org', 'piccione viaggiatore', '', '', '', '', ''],
        ['C', 'Org', '', '', '', '', '', 'lun 9-13, 12-14'],
      ),
      municipalities,
    );
    expect(parsed.rows[0]!.values).toEqual({
      channels: ['phone', 'in_person'],
      services: ['legal_advice', 'listening'],
      languages: ['ar', 'ro'],
      accessibility: ['sign_language'],
      accessMode: 'walk_in',
    });
    expect(Object.keys(parsed.rows[0]!.weekly!)).toEqual(['1', '2', '3', '4', '5']);
    expect(
      parsed.rejected.map((rejection) => [rejection.row, rejection.column, rejection.reason]),
    ).toEqual([
      [3, 'Canali', 'unknown_channels'],
      [4, 'Orari', 'hours_overlap'],
    ]);
  });

  it('plan desks of organisations in the file or the directory, unchanged when nothing differs', () => {
    const organisations = planOrganisations(
      {
        ...parseRows(
          table(['Nome', 'Tipo'], ['Nuova Associazione', 'Associazione']),
          municipalities,
          '2026-11-23',
        ),
        nameColumn: 'Nome',
      },
      key,
      [],
    );
    const existing: ExistingHelpDesk = {
      id: 'desk-1',
      organisationId: 'org-1',
      name: 'Sportello Uno',
      searchName: 'sportello uno',
      state: {
        description: null,
        municipalityCode: '048017',
        address: null,
        postalCode: null,
        latitude: null,
        longitude: null,
        phone: '055 1234',
        email: null,
        website: null,
        onlineUrl: null,
        channels: ['phone'],
        services: [],
        languages: [],
        accessibility: [],
        accessMode: 'appointment',
        openingHours: {
          weekly: {
            '1': [
              { opens: '09:00', closes: '12:00' },
              { opens: '12:00', closes: '13:00' },
            ],
          },
          exceptions: [],
          closedOnPublicHolidays: true,
        },
        competentMunicipalityCodes: ['048017'],
        status: 'active',
      },
    };
    const byName = new Map([
      [
        'comune',
        [
          {
            id: 'org-1',
            name: 'Comune',
            searchName: 'comune',
            networkLeftOn: null,
            territories: [],
            referralsTo: [],
            values: {
              kind: 'municipality' as const,
              municipalityCode: '048017',
              address: null,
              postalCode: null,
              email: null,
              phone: null,
              website: null,
              networkRole: null,
              networkJoinedOn: null,
              unarProtocolSignedOn: null,
              status: 'active' as const,
              latitude: null,
              longitude: null,
              description: null,
            },
          },
        ],
      ],
    ]);
    const desks = parseDeskRows(
      table(
        ['Sportello', 'Organizzazione', 'Comune', 'Telefono', 'Canali', 'Accesso', 'Orari'],
        ['Sportello Uno', 'Comune', '', '', '', '', 'lun 9:00-13:00'],
        ['Sportello Due', 'nuova associazione', 'Firenze', '055 9', 'telefono', 'appuntamento', ''],
        ['Sportello Tre', 'Nessuno', 'Firenze', '', 'telefono', 'appuntamento', ''],
      ),
      municipalities,
    );
    const { plan, rejected } = planHelpDesks(
      desks,
      key,
      { inFile: organisations.inFile, byName, nameOf: () => 'Nuova Associazione' },
      [existing],
    );
    // 9–12 + 12–13 is 9–13 as the text writes it: no change.
    expect(plan.unchanged).toBe(1);
    expect(plan.create.map((row) => [row.name, row.organisation])).toEqual([
      ['Sportello Due', { createdRow: 2 }],
    ]);
    expect(plan.create[0]!.state!.competentMunicipalityCodes).toEqual(['048017']);
    expect(rejected.map((rejection) => [rejection.row, rejection.reason])).toEqual([
      [4, 'unknown_organisation'],
    ]);
  });
});
