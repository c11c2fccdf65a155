import type { Kysely } from 'kysely';
import { AppError, type FieldError } from '../../core/errors.ts';
import { missingContactsForChannels, type HelpDeskChannel } from '../../core/help-desk.ts';
import { validateOpeningHours } from '../../core/opening-hours.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import type { HelpDeskState } from './help-desk-state.ts';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return uuidPattern.test(value);
}

/**
 * The domain rules of a help desk that its schema cannot state: a channel and a competent
 * municipality at least, each channel's contact, opening hours that make sense, coordinates
 * together, and references to an organisation and municipalities that exist. Every problem is
 * reported at once, each on its field.
 */
export async function checkHelpDesk(
  db: Kysely<DB>,
  state: HelpDeskState,
  locale: Locale,
): Promise<void> {
  const fields: FieldError[] = [];
  const add = (field: string, key: string) =>
    fields.push({ field, message: translate(locale, key) });

  if (state.channels.length === 0) add('channels', 'network.validation.channel_required');
  for (const { channel, field } of missingContactsForChannels(
    state.channels as HelpDeskChannel[],
    state,
  )) {
    add(field, `network.validation.contact_required.${channel}`);
  }
  if ((state.latitude === null) !== (state.longitude === null)) {
    add(
      state.latitude === null ? 'latitude' : 'longitude',
      'network.validation.coordinates_together',
    );
  }
  for (const issue of validateOpeningHours(state.openingHours)) {
    add(`openingHours.${issue.path}`, `network.hours.${issue.code}`);
  }

  const organisation = isUuid(state.organisationId)
    ? await db
        .selectFrom('organisations')
        .select('id')
        .where('id', '=', state.organisationId)
        .executeTakeFirst()
    : undefined;
  if (!organisation) add('organisationId', 'network.validation.organisation_unknown');

  const codes = [...new Set([state.municipalityCode, ...state.competentMunicipalityCodes])];
  const known = new Set(
    (
      await db
        .selectFrom('municipalities')
        .select('istat_code')
        .where('istat_code', 'in', codes)
        .execute()
    ).map((row) => row.istat_code),
  );
  if (!known.has(state.municipalityCode)) {
    add('municipalityCode', 'network.validation.municipality_unknown');
  }
  if (state.competentMunicipalityCodes.length === 0) {
    add('competentMunicipalityCodes', 'network.validation.competent_required');
  }
  state.competentMunicipalityCodes.forEach((code, index) => {
    if (!known.has(code)) {
      add(`competentMunicipalityCodes.${index}`, 'network.validation.municipality_unknown');
    }
  });

  if (fields.length > 0) throw new AppError('validation_failed', { fields });
}
