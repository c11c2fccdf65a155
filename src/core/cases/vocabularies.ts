/**
 * Closed lists used by cases outside the versioned taxonomy: how a report arrived, what a desk
 * did, and the pseudonymous victim profile of the equality data. Each profile question is
 * optional and offers "prefer not to say", which is stored as such (distinct from not asked).
 */

export const intakeChannels = [
  'web_form',
  'phone',
  'email',
  'in_person',
  'press',
  'online_monitoring',
  'other',
] as const;
export type IntakeChannel = (typeof intakeChannels)[number];

export const actionKinds = [
  'listening',
  'information',
  'orientation',
  'mediation',
  'letter_to_other_party',
  'legal_opinion',
  'complaint_to_authority',
  'accompaniment',
  'referral',
] as const;
export type ActionKind = (typeof actionKinds)[number];

export const PREFER_NOT_TO_SAY = 'prefer_not_to_say';

export const victimProfileOptions = {
  ageBand: ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', PREFER_NOT_TO_SAY],
  gender: ['woman', 'man', 'non_binary', 'other', PREFER_NOT_TO_SAY],
  citizenshipGroup: ['italian', 'eu', 'non_eu', 'stateless', PREFER_NOT_TO_SAY],
  migrationBackground: ['none', 'first_generation', 'second_generation', PREFER_NOT_TO_SAY],
  residenceStatus: [
    'citizen',
    'eu_resident',
    'permit_holder',
    'asylum_seeker_refugee',
    'irregular',
    PREFER_NOT_TO_SAY,
  ],
} as const;
export type VictimProfileField = keyof typeof victimProfileOptions;
export const victimProfileFields = Object.keys(victimProfileOptions) as VictimProfileField[];

export type VictimProfile = Record<VictimProfileField, string | null>;

/** How precisely the reporter knows when it happened. */
export const datePrecisions = ['day', 'month', 'year'] as const;
export type DatePrecision = (typeof datePrecisions)[number];
