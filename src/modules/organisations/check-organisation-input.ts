import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { FieldErrors, nameTaken } from './field-errors.ts';
import type { OrganisationState } from './organisation-state.ts';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const phonePattern = /^\+?[0-9][0-9 ./()-]{4,29}$/;
const postalCodePattern = /^[0-9]{5}$/;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Today in Italy, as 'YYYY-MM-DD' (the network's dates are Italian calendar dates). */
export function todayInItaly(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now);
}

/**
 * The rules of the contract on the whole resulting record, each problem named by its field:
 * formats, coordinates together, membership dates, protocol date, known municipality codes.
 * Then the name, which must be unique regardless of case (`conflict` on `name`).
 */
export async function checkOrganisationInput(
  db: Kysely<DB>,
  state: OrganisationState,
  options: {
    locale: Locale;
    organisationId: string | null;
    checkName: boolean;
    /** `territoryCodes` as sent (errors name the sent position); undefined when not sent. */
    territoryInput: readonly string[] | undefined;
  },
): Promise<void> {
  const errors = new FieldErrors(options.locale);
  if (state.email !== null && !emailPattern.test(state.email)) {
    errors.add('email', 'email_invalid');
  }
  if (state.website !== null && !isWebAddress(state.website)) {
    errors.add('website', 'website_invalid');
  }
  if (state.phone !== null && !phonePattern.test(state.phone)) {
    errors.add('phone', 'phone_invalid');
  }
  if (state.postalCode !== null && !postalCodePattern.test(state.postalCode)) {
    errors.add('postalCode', 'postal_code_invalid');
  }
  if ((state.latitude === null) !== (state.longitude === null)) {
    errors.add(state.latitude === null ? 'latitude' : 'longitude', 'coordinates_together');
  }
  if (state.networkRole !== null && state.networkJoinedOn === null) {
    errors.add('networkJoinedOn', 'joined_required');
  }
  if (state.networkLeftOn !== null) {
    if (state.networkJoinedOn === null) errors.add('networkJoinedOn', 'left_without_joined');
    else if (state.networkLeftOn < state.networkJoinedOn) {
      errors.add('networkLeftOn', 'left_before_joined');
    }
  }
  if (state.unarProtocolSignedOn !== null && state.unarProtocolSignedOn > todayInItaly()) {
    errors.add('unarProtocolSignedOn', 'protocol_in_future');
  }
  if (state.unarProtocolReference !== null && state.unarProtocolSignedOn === null) {
    errors.add('unarProtocolSignedOn', 'protocol_date_required');
  }

  const territories = options.territoryInput ?? [];
  const seen = new Set<string>();
  territories.forEach((code, index) => {
    if (seen.has(code)) errors.add(`territoryCodes.${index}`, 'territory_duplicate');
    seen.add(code);
  });
  const codes = [
    ...new Set([...territories, ...(state.municipalityCode ? [state.municipalityCode] : [])]),
  ];
  const known =
    codes.length === 0
      ? new Set<string>()
      : new Set(
          (
            await db
              .selectFrom('municipalities')
              .select('istat_code')
              .where('istat_code', 'in', codes)
              .execute()
          ).map((row) => row.istat_code),
        );
  if (state.municipalityCode !== null && !known.has(state.municipalityCode)) {
    errors.add('municipalityCode', 'municipality_unknown');
  }
  territories.forEach((code, index) => {
    if (!known.has(code)) errors.add(`territoryCodes.${index}`, 'territory_unknown');
  });
  errors.throwIfAny();

  if (options.checkName) {
    let query = db
      .selectFrom('organisations')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['name']), '=', state.name.toLowerCase()));
    if (options.organisationId) query = query.where('id', '<>', options.organisationId);
    if (await query.executeTakeFirst()) throw nameTaken(options.locale);
  }
}
