import type { CaseStatus } from '../core/cases/workflow.ts';
import type { IntakeChannel, victimProfileOptions } from '../core/cases/vocabularies.ts';

type Option<K extends keyof typeof victimProfileOptions> = (typeof victimProfileOptions)[K][number];

/**
 * Demo cases: invented stories of the kinds Tuscan desks hear, spread over the last months and
 * over the demo desks' municipalities, in every state, so the queue, the filters and (later) the
 * statistics have something true-to-life to show. No real person is described.
 */
export interface DemoCase {
  title: string;
  narrative: string;
  municipalityCode: string | null;
  online?: boolean;
  channel: IntakeChannel;
  daysAgo: number;
  reporterRole: string;
  grounds: string[];
  domains: string[];
  sectors: string[];
  types?: string[];
  /** The path the case has walked, after `received`. */
  path: CaseStatus[];
  outcome?: string;
  profile?: {
    ageBand?: Option<'ageBand'>;
    gender?: Option<'gender'>;
    citizenshipGroup?: Option<'citizenshipGroup'>;
  };
  contact?: { name: string; email?: string; phone?: string };
  statistics?: boolean;
}

export const demoCases: DemoCase[] = [
  {
    title: 'Annuncio di affitto "no stranieri"',
    narrative:
      "Ho chiamato per un appartamento in affitto in via Fiorentina. Quando ha sentito il mio accento l'agente mi ha detto che il proprietario non affitta a stranieri e ha chiuso la telefonata.",
    municipalityCode: '050026',
    channel: 'web_form',
    daysAgo: 1,
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin', 'language'],
    domains: ['housing'],
    sectors: ['company'],
    path: [],
    profile: { ageBand: '25_34', gender: 'man', citizenshipGroup: 'non_eu' },
    contact: { name: 'Karim', email: 'karim.demo@example.org' },
  },
  {
    title: 'Insulti razzisti sul bus',
    narrative:
      "Sull'autobus della linea 4 un passeggero ha insultato mia figlia per il velo, dicendole di tornare al suo paese. L'autista non è intervenuto.",
    municipalityCode: '050026',
    channel: 'phone',
    daysAgo: 3,
    reporterRole: 'on_behalf',
    grounds: ['religion_belief', 'racial_ethnic_origin'],
    domains: ['transport'],
    sectors: ['private_person'],
    types: ['harassment', 'verbal_abuse'],
    path: ['in_triage'],
    profile: { ageBand: 'under_18', gender: 'woman', citizenshipGroup: 'italian' },
  },
  {
    title: 'Rifiuto di iscrizione anagrafica',
    narrative:
      "All'ufficio anagrafe mi hanno detto che senza contratto di lavoro non posso chiedere la residenza, anche se ho un contratto di affitto regolare e il permesso di soggiorno.",
    municipalityCode: '050026',
    channel: 'in_person',
    daysAgo: 12,
    reporterRole: 'victim',
    grounds: ['nationality'],
    domains: ['public_administration'],
    sectors: ['public_body'],
    types: ['institutional'],
    path: ['in_triage', 'taken_in_charge', 'in_progress'],
    profile: { ageBand: '35_44', gender: 'woman', citizenshipGroup: 'non_eu' },
    contact: { name: 'Oksana', phone: '+39 333 000 1122' },
  },
  {
    title: 'Commenti omofobi in una pagina social del quartiere',
    narrative:
      'Nella pagina Facebook del quartiere sono comparsi commenti che invitano a "cacciare" una coppia gay che si è appena trasferita. Ho fatto degli screenshot.',
    municipalityCode: '050026',
    online: true,
    channel: 'online_monitoring',
    daysAgo: 20,
    reporterRole: 'association',
    grounds: ['sexual_orientation'],
    domains: ['media_internet'],
    sectors: ['private_person'],
    types: ['hate_speech', 'online_content'],
    path: ['in_triage', 'taken_in_charge', 'in_progress', 'closed'],
    outcome: 'warning',
  },
  {
    title: 'Colloquio di lavoro interrotto',
    narrative:
      'Al colloquio per un posto da commessa la responsabile mi ha chiesto se fossi incinta e, quando ho detto che ho due bambini piccoli, ha detto che cercavano qualcuno senza impegni.',
    municipalityCode: '050008',
    channel: 'email',
    daysAgo: 35,
    reporterRole: 'victim',
    grounds: ['sex', 'civil_family_status'],
    domains: ['employment_training'],
    sectors: ['company'],
    types: ['direct'],
    path: ['in_triage', 'taken_in_charge', 'in_progress', 'closed'],
    outcome: 'negotiated_solution',
    profile: { ageBand: '25_34', gender: 'woman', citizenshipGroup: 'eu' },
  },
  {
    title: 'Accesso negato in discoteca',
    narrative:
      'Io e due amici siamo stati lasciati fuori da una discoteca: il buttafuori ha detto che "stasera niente africani". Altri ragazzi entravano senza problemi.',
    municipalityCode: '100005',
    channel: 'web_form',
    daysAgo: 2,
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin', 'skin_colour'],
    domains: ['bars_venues'],
    sectors: ['company'],
    path: [],
    profile: { ageBand: '18_24', gender: 'man', citizenshipGroup: 'italian' },
  },
  {
    title: 'Banca chiede requisiti aggiuntivi',
    narrative:
      'Per aprire un conto corrente la banca mi ha chiesto una garanzia che non chiede ai clienti italiani, solo perché il mio passaporto è cinese.',
    municipalityCode: '100005',
    channel: 'in_person',
    daysAgo: 40,
    reporterRole: 'victim',
    grounds: ['nationality', 'racial_ethnic_origin'],
    domains: ['financial_services'],
    sectors: ['company'],
    types: ['direct'],
    path: ['in_triage', 'taken_in_charge', 'in_progress'],
    profile: { ageBand: '45_54', gender: 'woman', citizenshipGroup: 'non_eu' },
  },
  {
    title: 'Scuola senza insegnante di sostegno',
    narrative:
      "Mio figlio ha una certificazione di disabilità ma da settembre la scuola non gli ha assegnato l'insegnante di sostegno e ci chiedono di tenerlo a casa il pomeriggio.",
    municipalityCode: '049009',
    channel: 'phone',
    daysAgo: 9,
    reporterRole: 'on_behalf',
    grounds: ['disability'],
    domains: ['education'],
    sectors: ['public_body'],
    types: ['reasonable_accommodation_denied'],
    path: ['in_triage', 'taken_in_charge'],
    profile: { ageBand: 'under_18', gender: 'man', citizenshipGroup: 'italian' },
  },
  {
    title: 'Controllo di polizia ripetuto',
    narrative:
      'Vengo fermato e controllato quasi ogni settimana alla stazione, sempre io e mai gli altri passeggeri. Ieri mi hanno perquisito davanti a tutti.',
    municipalityCode: '049009',
    channel: 'in_person',
    daysAgo: 60,
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin'],
    domains: ['police_justice'],
    sectors: ['public_body'],
    types: ['direct', 'institutional'],
    path: ['in_triage', 'taken_in_charge', 'in_progress', 'closed'],
    outcome: 'complaint_authority',
    profile: { ageBand: '25_34', gender: 'man', citizenshipGroup: 'non_eu' },
  },
  {
    title: 'Campo rom: servizio di trasporto scolastico negato',
    narrative:
      "Lo scuolabus non passa più dall'insediamento dove vivono le famiglie rom e i bambini perdono giorni di scuola. Al Comune dicono che la strada non è sicura.",
    municipalityCode: '050029',
    channel: 'email',
    daysAgo: 25,
    reporterRole: 'association',
    grounds: ['anti_roma_sinti'],
    domains: ['education', 'transport'],
    sectors: ['public_body'],
    types: ['indirect'],
    path: ['in_triage', 'taken_in_charge', 'in_progress'],
  },
  {
    title: 'Anziana esclusa dal corso in palestra',
    narrative:
      'In palestra mi hanno detto che il corso di pilates non è adatto alla mia età e non mi hanno fatto iscrivere, anche se il medico mi ha dato il certificato.',
    municipalityCode: '053011',
    channel: 'phone',
    daysAgo: 15,
    reporterRole: 'victim',
    grounds: ['age'],
    domains: ['leisure_sport'],
    sectors: ['company'],
    path: ['in_triage', 'not_pertinent'],
    profile: { ageBand: '65_plus', gender: 'woman', citizenshipGroup: 'italian' },
  },
  {
    title: 'Scritte antisemite su un negozio',
    narrative:
      'Sulla saracinesca di un negozio del centro sono comparse scritte antisemite e una stella di David barrata. Il proprietario ha sporto denuncia.',
    municipalityCode: '048017',
    channel: 'press',
    daysAgo: 50,
    reporterRole: 'operator',
    grounds: ['antisemitism'],
    domains: ['public_life'],
    sectors: ['private_person'],
    types: ['hate_crime', 'property_damage'],
    path: ['in_triage', 'taken_in_charge', 'in_progress', 'closed'],
    outcome: 'complaint_authority',
  },
  {
    title: 'Donna trans rifiutata in un albergo',
    narrative:
      "All'arrivo in albergo la receptionist ha guardato il documento e ha detto che la camera non era più disponibile. Un'amica ha chiamato subito dopo e c'erano camere libere.",
    municipalityCode: '048017',
    channel: 'web_form',
    daysAgo: 4,
    reporterRole: 'victim',
    grounds: ['gender_identity'],
    domains: ['goods_services'],
    sectors: ['company'],
    path: ['in_triage'],
    profile: { ageBand: '35_44', gender: 'woman', citizenshipGroup: 'italian' },
  },
  {
    title: 'Medico rifiuta la visita senza mediatore',
    narrative:
      'Il medico di base non ha voluto visitarmi perché non parlo bene italiano e mi ha detto di tornare con un interprete a mie spese.',
    municipalityCode: '053011',
    channel: 'in_person',
    daysAgo: 70,
    reporterRole: 'victim',
    grounds: ['language', 'nationality'],
    domains: ['health_social_protection'],
    sectors: ['public_body'],
    types: ['direct'],
    path: ['in_triage', 'taken_in_charge', 'in_progress', 'closed'],
    outcome: 'information_only',
    profile: { ageBand: '55_64', gender: 'man', citizenshipGroup: 'non_eu' },
  },
  {
    title: 'Segnalazione ritirata su richiesta',
    narrative:
      'Un collega mi prende in giro per la mia religione davanti agli altri. Ho paura di perdere il lavoro se la cosa diventa ufficiale.',
    municipalityCode: '050026',
    channel: 'web_form',
    daysAgo: 30,
    reporterRole: 'victim',
    grounds: ['religion_belief', 'anti_muslim'],
    domains: ['employment_training'],
    sectors: ['private_person'],
    path: ['in_triage', 'taken_in_charge', 'withdrawn'],
    profile: { ageBand: '25_34', gender: 'man', citizenshipGroup: 'non_eu' },
  },
  {
    title: 'Condominio vieta il cortile ai bambini stranieri',
    narrative:
      'L\'amministratore del condominio ha affisso un avviso che vieta il cortile ai bambini "non residenti", ma lo fa rispettare solo con i nostri figli.',
    municipalityCode: null,
    channel: 'email',
    daysAgo: 6,
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin'],
    domains: ['housing'],
    sectors: ['private_person'],
    path: [],
  },
  // The same person (same e-mail) wrote to the Pisa desk again and to the Prato desk: the
  // first case's "possible duplicates" show one case to link and one held by another desk.
  {
    title: "Affitto negato per l'accento, scrive di nuovo",
    narrative:
      "Vi scrivo di nuovo per l'appartamento in via Fiorentina: l'agenzia ora non risponde più alle mie e-mail e l'annuncio è ancora pubblicato.",
    municipalityCode: '050026',
    channel: 'email',
    daysAgo: 0,
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin'],
    domains: ['housing'],
    sectors: ['company'],
    path: [],
    contact: { name: 'Karim', email: 'Karim.Demo@example.org' },
  },
  {
    title: 'Agenzia immobiliare rifiuta un inquilino straniero',
    narrative:
      "Cerco casa anche a Prato. Un'agenzia mi ha detto al telefono che i proprietari preferiscono inquilini italiani e non mi ha fissato la visita.",
    municipalityCode: '100005',
    channel: 'email',
    daysAgo: 5,
    reporterRole: 'victim',
    grounds: ['racial_ethnic_origin', 'nationality'],
    domains: ['housing'],
    sectors: ['company'],
    path: ['in_triage'],
    contact: { name: 'Karim', email: 'karim.demo@example.org' },
  },
];
