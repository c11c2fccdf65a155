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
}

export const demoOrganisations: readonly DemoOrganisation[] = [
  {
    name: 'Anci Toscana',
    kind: 'other_public_body',
    municipalityCode: '048017',
    networkRole: 'lead_partner',
    description:
      'Associazione dei Comuni toscani e capofila del progetto #ionondiscrimino: coordina la rete regionale antidiscriminazioni, la formazione degli operatori e il monitoraggio dei casi.',
  },
  {
    name: 'Regione Toscana',
    kind: 'region',
    municipalityCode: '048017',
    networkRole: 'partner',
    description:
      "Sostiene la rete con le politiche regionali per le pari opportunità e l'inclusione e ne usa i dati aggregati per programmare gli interventi sul territorio.",
  },
  {
    name: 'Unione dei Comuni della Valdera',
    kind: 'union_of_municipalities',
    municipalityCode: '050029',
    networkRole: 'partner',
    description:
      'Gestisce in forma associata i servizi sociali dei Comuni della Valdera e ospita lo sportello antidiscriminazioni di Pontedera.',
  },
  {
    name: 'Arci Comitato Regionale Toscana',
    kind: 'association',
    municipalityCode: '048017',
    networkRole: 'partner',
    description:
      "Rete associativa diffusa in tutta la regione: cura l'ascolto e l'orientamento delle vittime e le campagne di sensibilizzazione nei circoli.",
  },
  {
    name: "Università di Firenze — Centro L'Altro Diritto",
    kind: 'university',
    municipalityCode: '048017',
    networkRole: 'partner',
    description:
      'Centro di ricerca interuniversitario su carcere, devianza e migrazioni: offre consulenza legale agli sportelli e pareri sui casi di discriminazione.',
  },
  {
    name: 'Società della Salute Grossetana',
    kind: 'health_social_consortium',
    municipalityCode: '053011',
    networkRole: 'partner',
    description:
      "Consorzio tra Comuni e Azienda USL per i servizi sociosanitari dell'area grossetana: collega la rete ai servizi sociali e sanitari del territorio.",
  },
  {
    name: 'Sportello antidiscriminazioni di Pisa',
    kind: 'help_desk',
    municipalityCode: '050026',
    networkRole: 'node',
    description:
      "Sportello di ascolto, orientamento e mediazione per chi subisce o assiste a una discriminazione nell'area pisana; riceve su appuntamento e per telefono.",
  },
  {
    name: 'Sportello antidiscriminazioni di Prato',
    kind: 'help_desk',
    municipalityCode: '100005',
    networkRole: 'node',
    description:
      'Punto di ascolto multilingue nel centro di Prato, con operatori che parlano cinese, arabo e urdu, per segnalazioni su lavoro, casa e servizi.',
  },
  {
    name: 'Sportello antidiscriminazioni di Livorno',
    kind: 'help_desk',
    municipalityCode: '049009',
    networkRole: 'antenna',
    description:
      'Antenna territoriale presso i servizi sociali comunali: accoglie le segnalazioni e le indirizza al nodo di riferimento della rete.',
  },
  {
    name: 'Sportello antidiscriminazioni della Valdera',
    kind: 'help_desk',
    municipalityCode: '050029',
    networkRole: 'antenna',
    description:
      "Antenna dell'Unione dei Comuni della Valdera a Pontedera, aperta due pomeriggi a settimana per ascolto e orientamento.",
  },
  {
    name: 'Sportello antidiscriminazioni di Grosseto',
    kind: 'help_desk',
    municipalityCode: '053011',
    networkRole: 'node',
    description:
      'Nodo della rete per la Maremma, gestito con la Società della Salute Grossetana: ascolto, accompagnamento ai servizi e invio alla consulenza legale.',
  },
  {
    name: 'Comune di Firenze',
    kind: 'municipality',
    municipalityCode: '048017',
    networkRole: 'node',
    description:
      "Aderisce alla rete con l'Ufficio pari opportunità, che coordina gli interventi antidiscriminazione in città e promuove la formazione del personale comunale.",
  },
  {
    name: 'Comune di Pisa',
    kind: 'municipality',
    municipalityCode: '050026',
    networkRole: 'associate',
    description:
      'Sostiene lo sportello cittadino e partecipa alle campagne di sensibilizzazione nelle scuole.',
  },
  {
    name: 'Comune di Prato',
    kind: 'municipality',
    municipalityCode: '100005',
    networkRole: 'associate',
    description:
      'Mette a disposizione gli spazi dello sportello e collabora alla mediazione nei casi che riguardano i servizi comunali.',
  },
  {
    name: 'UNAR — Ufficio Nazionale Antidiscriminazioni Razziali',
    kind: 'equality_body',
    municipalityCode: '058091',
    networkRole: 'associate',
    description:
      "Organismo nazionale di parità presso la Presidenza del Consiglio dei ministri: la rete toscana collabora con l'Ufficio in base a un protocollo d'intesa e gli trasmette i casi.",
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

/** One account per role, with passwords meant to be read out in a demo (never used in production). */
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
