import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { checkHelpDesk } from '../modules/help-desks/check-help-desk.ts';
import { diffStates, normaliseState } from '../modules/help-desks/help-desk-state.ts';
import { columns, replaceCompetent } from '../modules/help-desks/save-help-desk.ts';
import type { CreateHelpDeskBody } from '../modules/help-desks/schemas.ts';

/** A demo desk as the API receives it, with its organisation named instead of identified. */
export interface DemoHelpDesk extends Omit<CreateHelpDeskBody, 'organisationId'> {
  organisation: string;
}

const morningsAndTuesday = {
  '1': [{ opens: '09:00', closes: '13:00' }],
  '2': [{ opens: '14:30', closes: '17:30' }],
  '3': [{ opens: '09:00', closes: '13:00' }],
  '5': [{ opens: '09:00', closes: '13:00' }],
};

/** Closed over Christmas and New Year's Eve (the holidays themselves close by the calendar). */
const christmasClosure = [
  { date: '2026-12-24', closed: true as const },
  { date: '2026-12-31', closed: true as const },
];

/**
 * One desk for each help-desk organisation of the demo network, one run by Arci in Florence and
 * the legal desk of L'Altro Diritto. Contacts are fictitious (example.org, 000 0000 numbers);
 * ISTAT codes are checked against comuni.csv by the seed tests.
 */
export const demoHelpDesks: readonly DemoHelpDesk[] = [
  {
    organisation: 'Sportello antidiscriminazioni di Pisa',
    name: 'Sportello antidiscriminazioni di Pisa',
    description:
      "Ascolto, orientamento e mediazione per chi subisce o assiste a una discriminazione nell'area pisana. Si riceve su appuntamento, da fissare per telefono o per e-mail.",
    municipalityCode: '050026',
    address: 'Via San Martino 12',
    postalCode: '56125',
    latitude: 43.7142,
    longitude: 10.4035,
    phone: '+39 050 000 0000',
    email: 'sportello.pisa@example.org',
    channels: ['phone', 'email', 'in_person'],
    services: ['listening', 'orientation', 'mediation'],
    languages: ['it', 'en', 'ar', 'fr'],
    accessibility: ['step_free_access'],
    accessMode: 'appointment',
    openingHours: {
      weekly: morningsAndTuesday,
      exceptions: christmasClosure,
      closedOnPublicHolidays: true,
    },
    competentMunicipalityCodes: ['050026', '050008', '050031', '050037'],
  },
  {
    organisation: 'Sportello antidiscriminazioni di Prato',
    name: 'Punto di ascolto multilingue di Prato',
    description:
      'Punto di ascolto nel centro di Prato con operatori che parlano cinese, arabo e urdu: segnalazioni su lavoro, casa e servizi, con mediazione linguistica.',
    municipalityCode: '100005',
    address: 'Via Pier Cironi 8',
    postalCode: '59100',
    latitude: 43.8795,
    longitude: 11.1005,
    phone: '+39 0574 000 0000',
    email: 'ascolto.prato@example.org',
    channels: ['phone', 'email', 'in_person'],
    services: ['listening', 'orientation', 'language_mediation'],
    languages: ['it', 'zh', 'ar', 'ur', 'en'],
    accessibility: ['step_free_access', 'easy_read'],
    accessMode: 'both',
    openingHours: {
      weekly: {
        '1': [{ opens: '10:00', closes: '13:00' }],
        '2': [{ opens: '10:00', closes: '13:00' }],
        '3': [{ opens: '10:00', closes: '13:00' }],
        '4': [
          { opens: '10:00', closes: '13:00' },
          { opens: '15:00', closes: '18:00' },
        ],
        '5': [{ opens: '10:00', closes: '13:00' }],
      },
      exceptions: [
        { date: '2026-12-23', intervals: [{ opens: '10:00', closes: '12:00' }] },
        ...christmasClosure,
      ],
      closedOnPublicHolidays: true,
    },
    competentMunicipalityCodes: ['100005', '100003', '100006'],
  },
  {
    organisation: 'Sportello antidiscriminazioni di Livorno',
    name: 'Antenna antidiscriminazioni di Livorno',
    description:
      'Antenna presso i servizi sociali comunali: accoglie le segnalazioni e le indirizza al nodo di riferimento della rete.',
    municipalityCode: '049009',
    address: 'Via Grande 100',
    postalCode: '57123',
    latitude: 43.5503,
    longitude: 10.3108,
    phone: '+39 0586 000 0000',
    email: 'antenna.livorno@example.org',
    channels: ['phone', 'email', 'in_person'],
    services: ['listening', 'orientation'],
    languages: ['it', 'ro', 'sq', 'en'],
    accessibility: ['step_free_access', 'accessible_toilet'],
    accessMode: 'walk_in',
    openingHours: {
      weekly: {
        '2': [{ opens: '09:00', closes: '12:30' }],
        '4': [{ opens: '09:00', closes: '12:30' }],
      },
      exceptions: christmasClosure,
      closedOnPublicHolidays: true,
    },
    competentMunicipalityCodes: ['049009', '049008'],
  },
  {
    organisation: 'Sportello antidiscriminazioni della Valdera',
    name: 'Sportello antidiscriminazioni della Valdera',
    description:
      "Antenna dell'Unione dei Comuni della Valdera a Pontedera, aperta due pomeriggi a settimana per ascolto e orientamento; competente per tutti i comuni dell'Unione.",
    municipalityCode: '050029',
    address: 'Via Brigate Partigiane 4',
    postalCode: '56025',
    latitude: 43.6627,
    longitude: 10.6338,
    phone: '+39 0587 000 0000',
    email: 'sportello.valdera@example.org',
    channels: ['phone', 'email', 'in_person'],
    services: ['listening', 'orientation', 'peer_support'],
    languages: ['it', 'ro', 'sq', 'ar'],
    accessibility: ['step_free_access'],
    accessMode: 'both',
    openingHours: {
      weekly: {
        '1': [{ opens: '15:00', closes: '18:00' }],
        '4': [{ opens: '15:00', closes: '18:00' }],
      },
      exceptions: christmasClosure,
      closedOnPublicHolidays: true,
    },
    competentMunicipalityCodes: [
      '050029',
      '050001',
      '050002',
      '050004',
      '050005',
      '050040',
      '050012',
      '050016',
      '050024',
      '050025',
      '050028',
      '050036',
    ],
  },
  {
    organisation: 'Sportello antidiscriminazioni di Grosseto',
    name: 'Sportello antidiscriminazioni di Grosseto',
    description:
      'Nodo della rete per la Maremma, con la Società della Salute Grossetana: ascolto, supporto psicologico, accompagnamento ai servizi e invio alla consulenza legale.',
    municipalityCode: '053011',
    address: 'Via Mazzini 30',
    postalCode: '58100',
    latitude: 42.7629,
    longitude: 11.1125,
    phone: '+39 0564 000 0000',
    email: 'sportello.grosseto@example.org',
    channels: ['phone', 'email', 'in_person'],
    services: ['listening', 'orientation', 'psychological_support'],
    languages: ['it', 'en', 'ro', 'uk'],
    accessibility: ['step_free_access', 'accessible_toilet', 'hearing_loop'],
    accessMode: 'both',
    openingHours: {
      weekly: morningsAndTuesday,
      exceptions: christmasClosure,
      closedOnPublicHolidays: true,
    },
    competentMunicipalityCodes: ['053011', '053006', '053023', '053002', '053021'],
  },
  {
    organisation: 'Arci Comitato Regionale Toscana',
    name: 'Sportello Arci contro le discriminazioni — Firenze',
    description:
      'Sportello di ascolto e supporto tra pari gestito da volontarie e volontari Arci, con mediazione linguistica e un operatore che conosce la LIS; anche a distanza.',
    municipalityCode: '048017',
    address: 'Piazza dei Ciompi 11',
    postalCode: '50122',
    latitude: 43.7712,
    longitude: 11.2635,
    phone: '+39 055 000 0000',
    email: 'sportello.firenze@arci.example.org',
    onlineUrl: 'https://arci.example.org/sportello',
    channels: ['phone', 'email', 'in_person', 'online'],
    services: ['listening', 'orientation', 'peer_support', 'language_mediation'],
    languages: ['it', 'en', 'fr', 'ar', 'uk', 'lis'],
    accessibility: ['step_free_access', 'sign_language'],
    accessMode: 'walk_in',
    openingHours: {
      weekly: {
        '2': [{ opens: '16:00', closes: '19:00' }],
        '4': [{ opens: '16:00', closes: '19:00' }],
        '6': [{ opens: '10:00', closes: '12:30' }],
      },
      exceptions: christmasClosure,
      closedOnPublicHolidays: true,
      localHolidays: ['06-24'],
    },
    competentMunicipalityCodes: ['048017', '048043', '048041', '048001'],
  },
  {
    organisation: "Università di Firenze — Centro L'Altro Diritto",
    name: "Sportello legale antidiscriminazione — L'Altro Diritto",
    description:
      "Consulenza legale gratuita su discriminazioni nel lavoro, nella casa e nei servizi, a cura del centro di ricerca dell'Università di Firenze. Solo su appuntamento, da chiedere per e-mail.",
    municipalityCode: '048017',
    address: 'Via delle Pandette 35',
    postalCode: '50127',
    latitude: 43.7935,
    longitude: 11.2222,
    email: 'sportello.legale@altrodiritto.example.org',
    website: 'https://altrodiritto.example.org',
    channels: ['email', 'in_person'],
    services: ['legal_advice'],
    languages: ['it', 'en', 'fr', 'es', 'ar', 'sq'],
    accessibility: ['step_free_access', 'accessible_toilet'],
    accessMode: 'appointment',
    openingHours: {
      weekly: {
        '3': [{ opens: '14:30', closes: '17:30' }],
        '5': [{ opens: '10:00', closes: '13:00' }],
      },
      exceptions: christmasClosure,
      closedOnPublicHolidays: true,
      localHolidays: ['06-24'],
    },
    competentMunicipalityCodes: ['048017', '048015', '048043'],
  },
];

/** The demo desk's state as the help-desks module stores it. */
export function demoHelpDeskState(desk: DemoHelpDesk, organisationId: string) {
  return normaliseState({
    organisationId,
    name: desk.name,
    description: desk.description ?? null,
    municipalityCode: desk.municipalityCode,
    address: desk.address ?? null,
    postalCode: desk.postalCode ?? null,
    latitude: desk.latitude ?? null,
    longitude: desk.longitude ?? null,
    phone: desk.phone ?? null,
    email: desk.email ?? null,
    website: desk.website ?? null,
    onlineUrl: desk.onlineUrl ?? null,
    channels: desk.channels,
    services: desk.services ?? [],
    languages: desk.languages ?? [],
    accessibility: desk.accessibility ?? [],
    accessMode: desk.accessMode,
    openingHours: desk.openingHours,
    competentMunicipalityCodes: desk.competentMunicipalityCodes,
    status: desk.status ?? 'active',
  });
}

/**
 * Creates the demo help desks with their history. Idempotent: a desk whose organisation already
 * has a desk of that name is left as it is. Each desk is checked by the module's own rules.
 */
export async function seedDemoHelpDesks(db: Kysely<DB>): Promise<void> {
  for (const desk of demoHelpDesks) {
    const organisation = await db
      .selectFrom('organisations')
      .select('id')
      .where('name', '=', desk.organisation)
      .executeTakeFirst();
    if (!organisation) throw new Error(`Demo help desk ${desk.name} names an unknown organisation`);
    const existing = await db
      .selectFrom('help_desks')
      .select('id')
      .where('organisation_id', '=', organisation.id)
      .where(sql<boolean>`search_name = search_text(${desk.name})`)
      .executeTakeFirst();
    if (existing) continue;
    const state = demoHelpDeskState(desk, organisation.id);
    await checkHelpDesk(db, state, 'it');
    const { id } = await db
      .insertInto('help_desks')
      .values(columns(state))
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceCompetent(db, id, state.competentMunicipalityCodes);
    await db
      .insertInto('network_history')
      .values({
        entity_type: 'help_desk',
        entity_id: id,
        changed_by: null,
        change_kind: 'created',
        changes: JSON.stringify(diffStates(null, state)),
      })
      .execute();
  }
}
