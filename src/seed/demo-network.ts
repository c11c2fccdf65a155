import type { NetworkRole, OrganisationKind, Role } from '../db/schema.ts';

/**
 * The demo tells the story of the Tuscan network of the #ionondiscrimino project: Anci Toscana
 * leads, regional partners bring services and expertise, help desks ("sportelli") take reports
 * in the territory, municipalities join, and UNAR, the national equality body, is associated.
 * Names are real bodies; descriptions are plausible, not official statements.
 */
export interface DemoOrganisation {
  name: string;
  kind: OrganisationKind;
  /** ISTAT code of the municipality where it has its seat (checked in comuni.csv by the tests). */
  municipalityCode: string;
  networkRole: NetworkRole;
  description: string;
  /** 'YYYY-MM-DD': when it joined the network. */
  networkJoinedOn: string;
  /** The UNAR protocol, when signed: date and document reference. */
  unarProtocol?: { signedOn: string; reference: string };
  /** Contacts are fictitious: example.org addresses, 000 0000 phone numbers. */
  email: string;
  phone: string;
  address: string;
  postalCode: string;
  /** Approximate position of the seat (WGS 84). */
  latitude: number;
  longitude: number;
  /** ISTAT codes of the municipalities covered besides the seat (checked in comuni.csv). */
  territoryCodes?: readonly string[];
}

export const demoOrganisations: readonly DemoOrganisation[] = [
  {
    name: 'Anci Toscana',
    kind: 'other_public_body',
    municipalityCode: '048017',
    networkRole: 'lead_partner',
    description:
      'Associazione dei Comuni toscani e capofila del progetto #ionondiscrimino: coordina la rete regionale antidiscriminazioni, la formazione degli operatori e il monitoraggio dei casi.',
    networkJoinedOn: '2024-03-01',
    unarProtocol: { signedOn: '2024-05-20', reference: 'Protocollo UNAR n. 2024/003' },
    email: 'info@anci-toscana.example.org',
    phone: '+39 055 000 0001',
    address: 'Viale della Rete 1',
    postalCode: '50122',
    latitude: 43.7793,
    longitude: 11.2479,
  },
  {
    name: 'Regione Toscana',
    kind: 'region',
    municipalityCode: '048017',
    networkRole: 'partner',
    description:
      "Sostiene la rete con le politiche regionali per le pari opportunità e l'inclusione e ne usa i dati aggregati per programmare gli interventi sul territorio.",
    networkJoinedOn: '2024-03-01',
    unarProtocol: { signedOn: '2024-06-12', reference: 'Protocollo UNAR n. 2024/007' },
    email: 'pariopportunita@regione-toscana.example.org',
    phone: '+39 055 000 0002',
    address: 'Piazza delle Istituzioni 2',
    postalCode: '50129',
    latitude: 43.7844,
    longitude: 11.2541,
  },
  {
    name: 'Unione dei Comuni della Valdera',
    kind: 'union_of_municipalities',
    municipalityCode: '050029',
    networkRole: 'partner',
    description:
      'Gestisce in forma associata i servizi sociali dei Comuni della Valdera e ospita lo sportello antidiscriminazioni di Pontedera.',
    networkJoinedOn: '2024-09-16',
    unarProtocol: { signedOn: '2025-02-03', reference: 'Protocollo UNAR n. 2025/002' },
    email: 'sociale@unione-valdera.example.org',
    phone: '+39 0587 000 000',
    address: 'Via dei Servizi Associati 5',
    postalCode: '56025',
    latitude: 43.6631,
    longitude: 10.6335,
    territoryCodes: [
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
    ],
  },
  {
    name: 'Arci Comitato Regionale Toscana',
    kind: 'association',
    municipalityCode: '048017',
    networkRole: 'partner',
    description:
      "Rete associativa diffusa in tutta la regione: cura l'ascolto e l'orientamento delle vittime e le campagne di sensibilizzazione nei circoli.",
    networkJoinedOn: '2024-04-15',
    unarProtocol: { signedOn: '2024-11-28', reference: 'Protocollo UNAR n. 2024/019' },
    email: 'toscana@arci.example.org',
    phone: '+39 055 000 0003',
    address: 'Piazza dei Circoli 3',
    postalCode: '50123',
    latitude: 43.7731,
    longitude: 11.2501,
  },
  {
    name: "Università di Firenze — Centro L'Altro Diritto",
    kind: 'university',
    municipalityCode: '048017',
    networkRole: 'partner',
    description:
      'Centro di ricerca interuniversitario su carcere, devianza e migrazioni: offre consulenza legale agli sportelli e pareri sui casi di discriminazione.',
    networkJoinedOn: '2024-05-06',
    unarProtocol: { signedOn: '2025-01-21', reference: 'Protocollo UNAR n. 2025/001' },
    email: 'consulenza@altrodiritto.example.org',
    phone: '+39 055 000 0004',
    address: 'Via della Ricerca 4',
    postalCode: '50127',
    latitude: 43.7925,
    longitude: 11.223,
  },
  {
    name: 'Società della Salute Grossetana',
    kind: 'health_social_consortium',
    municipalityCode: '053011',
    networkRole: 'partner',
    description:
      "Consorzio tra Comuni e Azienda USL per i servizi sociosanitari dell'area grossetana: collega la rete ai servizi sociali e sanitari del territorio.",
    networkJoinedOn: '2025-01-13',
    unarProtocol: { signedOn: '2025-06-09', reference: 'Protocollo UNAR n. 2025/011' },
    email: 'info@sds-grossetana.example.org',
    phone: '+39 0564 000 000',
    address: 'Via della Salute 6',
    postalCode: '58100',
    latitude: 42.7628,
    longitude: 11.1136,
    territoryCodes: ['053002', '053006', '053008', '053021', '053023'],
  },
  {
    name: 'Sportello antidiscriminazioni di Pisa',
    kind: 'help_desk',
    municipalityCode: '050026',
    networkRole: 'node',
    description:
      "Sportello di ascolto, orientamento e mediazione per chi subisce o assiste a una discriminazione nell'area pisana; riceve su appuntamento e per telefono.",
    networkJoinedOn: '2024-10-07',
    unarProtocol: { signedOn: '2025-03-17', reference: 'Protocollo UNAR n. 2025/006' },
    email: 'info@sportello-pisa.example.org',
    phone: '+39 050 000 0000',
    address: 'Via dello Sportello 7',
    postalCode: '56125',
    latitude: 43.7167,
    longitude: 10.4036,
  },
  {
    name: 'Sportello antidiscriminazioni di Prato',
    kind: 'help_desk',
    municipalityCode: '100005',
    networkRole: 'node',
    description:
      'Punto di ascolto multilingue nel centro di Prato, con operatori che parlano cinese, arabo e urdu, per segnalazioni su lavoro, casa e servizi.',
    networkJoinedOn: '2024-11-18',
    unarProtocol: { signedOn: '2025-04-14', reference: 'Protocollo UNAR n. 2025/009' },
    email: 'info@sportello-prato.example.org',
    phone: '+39 0574 000 000',
    address: "Via dell'Ascolto 8",
    postalCode: '59100',
    latitude: 43.8805,
    longitude: 11.0966,
  },
  {
    name: 'Sportello antidiscriminazioni di Livorno',
    kind: 'help_desk',
    municipalityCode: '049009',
    networkRole: 'antenna',
    description:
      'Antenna territoriale presso i servizi sociali comunali: accoglie le segnalazioni e le indirizza al nodo di riferimento della rete.',
    networkJoinedOn: '2025-09-22',
    email: 'info@sportello-livorno.example.org',
    phone: '+39 0586 000 000',
    address: 'Via dei Servizi Sociali 9',
    postalCode: '57123',
    latitude: 43.55,
    longitude: 10.31,
  },
  {
    name: 'Sportello antidiscriminazioni della Valdera',
    kind: 'help_desk',
    municipalityCode: '050029',
    networkRole: 'antenna',
    description:
      "Antenna dell'Unione dei Comuni della Valdera a Pontedera, aperta due pomeriggi a settimana per ascolto e orientamento.",
    networkJoinedOn: '2025-05-12',
    unarProtocol: { signedOn: '2025-10-06', reference: 'Protocollo UNAR n. 2025/014' },
    email: 'info@sportello-valdera.example.org',
    phone: '+39 0587 000 001',
    address: 'Via della Valdera 10',
    postalCode: '56025',
    latitude: 43.6622,
    longitude: 10.631,
  },
  {
    name: 'Sportello antidiscriminazioni di Grosseto',
    kind: 'help_desk',
    municipalityCode: '053011',
    networkRole: 'node',
    description:
      'Nodo della rete per la Maremma, gestito con la Società della Salute Grossetana: ascolto, accompagnamento ai servizi e invio alla consulenza legale.',
    networkJoinedOn: '2025-02-24',
    unarProtocol: { signedOn: '2025-07-15', reference: 'Protocollo UNAR n. 2025/012' },
    email: 'info@sportello-grosseto.example.org',
    phone: '+39 0564 000 001',
    address: 'Via della Maremma 11',
    postalCode: '58100',
    latitude: 42.7602,
    longitude: 11.1095,
  },
  {
    name: 'Comune di Firenze',
    kind: 'municipality',
    municipalityCode: '048017',
    networkRole: 'node',
    description:
      "Aderisce alla rete con l'Ufficio pari opportunità, che coordina gli interventi antidiscriminazione in città e promuove la formazione del personale comunale.",
    networkJoinedOn: '2024-06-03',
    unarProtocol: { signedOn: '2024-12-16', reference: 'Protocollo UNAR n. 2024/021' },
    email: 'pariopportunita@comune-firenze.example.org',
    phone: '+39 055 000 0005',
    address: 'Piazza del Municipio 12',
    postalCode: '50122',
    latitude: 43.7696,
    longitude: 11.2558,
  },
  {
    name: 'Comune di Pisa',
    kind: 'municipality',
    municipalityCode: '050026',
    networkRole: 'associate',
    description:
      'Sostiene lo sportello cittadino e partecipa alle campagne di sensibilizzazione nelle scuole.',
    networkJoinedOn: '2025-03-10',
    unarProtocol: { signedOn: '2025-09-29', reference: 'Protocollo UNAR n. 2025/013' },
    email: 'sociale@comune-pisa.example.org',
    phone: '+39 050 000 0001',
    address: 'Piazza del Comune 13',
    postalCode: '56125',
    latitude: 43.7175,
    longitude: 10.4017,
  },
  {
    name: 'Comune di Prato',
    kind: 'municipality',
    municipalityCode: '100005',
    networkRole: 'associate',
    description:
      'Mette a disposizione gli spazi dello sportello e collabora alla mediazione nei casi che riguardano i servizi comunali.',
    networkJoinedOn: '2026-02-09',
    email: 'sociale@comune-prato.example.org',
    phone: '+39 0574 000 001',
    address: 'Piazza del Comune 14',
    postalCode: '59100',
    latitude: 43.8809,
    longitude: 11.0977,
  },
  {
    name: 'UNAR — Ufficio Nazionale Antidiscriminazioni Razziali',
    kind: 'equality_body',
    municipalityCode: '058091',
    networkRole: 'associate',
    description:
      "Organismo nazionale di parità presso la Presidenza del Consiglio dei ministri: la rete toscana collabora con l'Ufficio in base a un protocollo d'intesa e gli trasmette i casi.",
    networkJoinedOn: '2024-07-01',
    email: 'segreteria@unar.example.org',
    phone: '+39 06 0000 0000',
    address: 'Largo delle Istituzioni 15',
    postalCode: '00187',
    latitude: 41.9009,
    longitude: 12.4823,
  },
];

/** Who refers to whom: the desks send legal questions to L'Altro Diritto, antennas to nodes. */
export interface DemoReferral {
  from: string;
  to: string;
  description: string;
}

const legalAdvice = "Università di Firenze — Centro L'Altro Diritto";

export const demoReferrals: readonly DemoReferral[] = [
  ...[
    'Sportello antidiscriminazioni di Pisa',
    'Sportello antidiscriminazioni di Prato',
    'Sportello antidiscriminazioni di Livorno',
    'Sportello antidiscriminazioni della Valdera',
    'Sportello antidiscriminazioni di Grosseto',
  ].map((from) => ({
    from,
    to: legalAdvice,
    description: 'Consulenza legale e pareri sui casi di discriminazione',
  })),
  {
    from: 'Sportello antidiscriminazioni della Valdera',
    to: 'Sportello antidiscriminazioni di Pisa',
    description: 'Presa in carico dei casi che richiedono mediazione o accompagnamento',
  },
  {
    from: 'Sportello antidiscriminazioni di Livorno',
    to: 'Sportello antidiscriminazioni di Pisa',
    description: "Casi raccolti dall'antenna e inviati al nodo di riferimento",
  },
  {
    from: 'Sportello antidiscriminazioni di Grosseto',
    to: 'Società della Salute Grossetana',
    description: 'Accompagnamento ai servizi sociali e sanitari',
  },
];

export interface DemoAccount {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  /** Name of one of the demo organisations above. */
  organisation: string;
}

const demoDomain = 'demo.osservatorio.test';

/**
 * One account per role (and an operator of a second desk), with passwords meant to be read out in
 * a demo (never used in production).
 */
export const demoAccounts: readonly DemoAccount[] = [
  {
    email: `admin@${demoDomain}`,
    displayName: 'Marta Rossi',
    password: 'demo-admin-2026!',
    role: 'network_admin',
    organisation: 'Anci Toscana',
  },
  {
    email: `coordinatore@${demoDomain}`,
    displayName: 'Luca Bertini',
    password: 'demo-coordinatore-2026!',
    role: 'node_coordinator',
    organisation: 'Sportello antidiscriminazioni di Pisa',
  },
  {
    email: `operatore@${demoDomain}`,
    displayName: 'Sara El Amrani',
    password: 'demo-operatore-2026!',
    role: 'operator',
    organisation: 'Sportello antidiscriminazioni di Pisa',
  },
  {
    // A second desk with its own operator, so cases can be moved between desks in the demo.
    email: `operatore.prato@${demoDomain}`,
    displayName: 'Wei Chen',
    password: 'demo-operatore-prato-2026!',
    role: 'operator',
    organisation: 'Sportello antidiscriminazioni di Prato',
  },
  {
    email: `legale@${demoDomain}`,
    displayName: 'Francesco Neri',
    password: 'demo-legale-2026!',
    role: 'legal_expert',
    organisation: "Università di Firenze — Centro L'Altro Diritto",
  },
  {
    email: `analista@${demoDomain}`,
    displayName: 'Chiara Lombardi',
    password: 'demo-analista-2026!',
    role: 'analyst',
    organisation: 'Regione Toscana',
  },
  {
    email: `revisore@${demoDomain}`,
    displayName: 'Paolo Ricci',
    password: 'demo-revisore-2026!',
    role: 'auditor',
    organisation: 'Anci Toscana',
  },
];
