/**
 * Vocabularies of the network map: what a help desk offers, how it can be reached, its
 * accessibility. Codes are stored; labels come from `network.<vocabulary>.<code>` messages.
 */

export const helpDeskServices = [
  'listening',
  'orientation',
  'legal_advice',
  'mediation',
  'psychological_support',
  'language_mediation',
  'peer_support',
] as const;
export type HelpDeskService = (typeof helpDeskServices)[number];

export const helpDeskChannels = ['phone', 'email', 'in_person', 'online'] as const;
export type HelpDeskChannel = (typeof helpDeskChannels)[number];

export const accessibilityFeatures = [
  'step_free_access',
  'accessible_toilet',
  'sign_language',
  'hearing_loop',
  'easy_read',
  'braille',
] as const;
export type AccessibilityFeature = (typeof accessibilityFeatures)[number];

export const accessModes = ['appointment', 'walk_in', 'both'] as const;
export type AccessMode = (typeof accessModes)[number];

/**
 * Languages people report in (DESIGN: Italian, English, then the languages of the people who
 * report and of partner cities), as ISO 639-1 codes; desks may list others too.
 */
export const commonLanguages = [
  'it',
  'en',
  'fr',
  'es',
  'de',
  'ro',
  'sq',
  'ar',
  'uk',
  'zh',
  'el',
  'bs',
  'ru',
  'pt',
  'wo',
  'bn',
  'ur',
  'tl',
  'lis',
] as const;

export interface HelpDeskContacts {
  phone: string | null;
  email: string | null;
  address: string | null;
  onlineUrl: string | null;
}

/** Each channel a desk offers needs the contact that makes it usable. */
export const contactRequiredBy: Record<HelpDeskChannel, keyof HelpDeskContacts> = {
  phone: 'phone',
  email: 'email',
  in_person: 'address',
  online: 'onlineUrl',
};

export function missingContactsForChannels(
  channels: readonly HelpDeskChannel[],
  contacts: HelpDeskContacts,
): { channel: HelpDeskChannel; field: keyof HelpDeskContacts }[] {
  return channels
    .filter((channel) => !contacts[contactRequiredBy[channel]]?.trim())
    .map((channel) => ({ channel, field: contactRequiredBy[channel] }));
}
