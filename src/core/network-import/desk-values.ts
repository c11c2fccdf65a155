import {
  accessModes,
  accessibilityFeatures,
  helpDeskChannels,
  helpDeskServices,
  type AccessMode,
} from '../help-desk.ts';
import { headerKey } from './columns.ts';

/** Labels a survey may use for each code, Italian first then English (the first ones are exported). */
const labels = {
  services: {
    listening: ['Ascolto', 'Listening'],
    orientation: ['Orientamento', 'Orientation', 'informazione', 'information'],
    legal_advice: ['Consulenza legale', 'Legal advice', 'assistenza legale', 'supporto legale'],
    mediation: ['Mediazione dei conflitti', 'Mediation', 'mediazione'],
    psychological_support: [
      'Supporto psicologico',
      'Psychological support',
      'sostegno psicologico',
    ],
    language_mediation: [
      'Mediazione linguistica',
      'Language mediation',
      'mediazione linguistico-culturale',
      'mediazione culturale',
    ],
    peer_support: ['Supporto tra pari', 'Peer support', 'peer'],
  },
  channels: {
    phone: ['Telefono', 'Phone', 'tel', 'telefonico'],
    email: ['E-mail', 'Email', 'posta elettronica', 'mail'],
    in_person: ['Di persona', 'In person', 'in presenza', 'presenza', 'sportello fisico'],
    online: ['Online', 'Online', 'on line', 'web', 'videochiamata'],
  },
  accessibility: {
    step_free_access: [
      'Accesso senza gradini',
      'Step-free access',
      'senza barriere',
      'senza barriere architettoniche',
      'accessibile',
    ],
    accessible_toilet: ['Bagno accessibile', 'Accessible toilet'],
    sign_language: ['Lingua dei segni', 'Sign language', 'LIS'],
    hearing_loop: ['Anello a induzione magnetica', 'Hearing loop', 'anello magnetico'],
    easy_read: ['Linguaggio facile', 'Easy read', 'materiali in linguaggio facile', 'easy to read'],
    braille: ['Braille', 'Braille', 'materiali in braille'],
  },
  accessMode: {
    appointment: ['Su appuntamento', 'By appointment', 'appuntamento', 'appointment'],
    walk_in: ['Accesso libero', 'Walk-in', 'libero', 'senza appuntamento', 'walk in'],
    both: ['Libero e su appuntamento', 'Both', 'entrambi', 'entrambe', 'walk-in and appointment'],
  },
} satisfies Record<string, Record<string, string[]>>;

const languageNames: Record<string, [string, string]> = {
  it: ['Italiano', 'Italian'],
  en: ['Inglese', 'English'],
  fr: ['Francese', 'French'],
  es: ['Spagnolo', 'Spanish'],
  de: ['Tedesco', 'German'],
  ro: ['Romeno', 'Romanian'],
  sq: ['Albanese', 'Albanian'],
  ar: ['Arabo', 'Arabic'],
  uk: ['Ucraino', 'Ukrainian'],
  zh: ['Cinese', 'Chinese'],
  el: ['Greco', 'Greek'],
  bs: ['Bosniaco', 'Bosnian'],
  ru: ['Russo', 'Russian'],
  pt: ['Portoghese', 'Portuguese'],
  wo: ['Wolof', 'Wolof'],
  bn: ['Bengalese', 'Bengali'],
  ur: ['Urdu', 'Urdu'],
  tl: ['Tagalog', 'Tagalog'],
  lis: ['LIS', 'Italian Sign Language'],
};

export type Vocabulary = keyof typeof labels;

function lookup(entries: Record<string, string[]>, codes: readonly string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const code of codes) {
    map.set(headerKey(code), code);
    for (const label of entries[code] ?? []) map.set(headerKey(label), code);
  }
  return map;
}

const byLabel: Record<Vocabulary, Map<string, string>> = {
  services: lookup(labels.services, helpDeskServices),
  channels: lookup(labels.channels, helpDeskChannels),
  accessibility: lookup(labels.accessibility, accessibilityFeatures),
  accessMode: lookup(labels.accessMode, accessModes),
};

const languageByName = new Map<string, string>();
for (const [code, names] of Object.entries(languageNames)) {
  for (const name of names) languageByName.set(headerKey(name), code);
}
languageByName.set(headerKey('rumeno'), 'ro');
languageByName.set(headerKey('lingua dei segni italiana'), 'lis');

export function codeOf(vocabulary: Vocabulary, text: string): string | null {
  return byLabel[vocabulary].get(headerKey(text)) ?? null;
}

export function accessModeOf(text: string): AccessMode | null {
  return codeOf('accessMode', text) as AccessMode | null;
}

/** A language by its Italian or English name, or an ISO 639 code of two or three letters. */
export function languageOf(text: string): string | null {
  const named = languageByName.get(headerKey(text));
  if (named) return named;
  const code = text.trim().toLowerCase();
  return /^[a-z]{2,3}$/.test(code) ? code : null;
}

export function codeLabel(vocabulary: Vocabulary, code: string, locale: 'it' | 'en'): string {
  const entry = (labels[vocabulary] as Record<string, string[]>)[code];
  return entry?.[locale === 'it' ? 0 : 1] ?? code;
}

export function languageLabel(code: string, locale: 'it' | 'en'): string {
  return languageNames[code]?.[locale === 'it' ? 0 : 1] ?? code;
}

/** The items of a list cell: separated by `,` `;` `|` `/` or line breaks. */
export function listItems(text: string): string[] {
  return text
    .split(/[,;|/\n]+/)
    .map((item) => item.replace(/\s+/g, ' ').trim())
    .filter((item) => item !== '');
}
