import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import {
  victimProfileFields,
  type VictimProfile,
  type VictimProfileField,
} from '../../core/cases/vocabularies.ts';
import type { Actor } from '../../core/policy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { recordCaseEvent } from './case-events.ts';
import { lockCase } from './lock-case.ts';

const columns = {
  ageBand: 'victim_age_band',
  gender: 'victim_gender',
  citizenshipGroup: 'victim_citizenship_group',
  migrationBackground: 'victim_migration_background',
  residenceStatus: 'victim_residence_status',
} as const satisfies Record<VictimProfileField, string>;

/**
 * Records the pseudonymous victim profile for equality data. Null is "not asked", distinct from
 * "prefer not to say". The event names the questions that changed, not the answers.
 */
export async function setVictimProfile(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  /** Answers already checked against `victimProfileOptions` (the route's schema does). */
  body: VictimProfile & { rowVersion?: number | undefined },
  locale: Locale,
  now = new Date(),
): Promise<VictimProfileField[]> {
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, body.rowVersion, locale, actor);
    const changed = victimProfileFields.filter((field) => row[columns[field]] !== body[field]);
    await trx
      .updateTable('cases')
      .set({
        victim_age_band: body.ageBand,
        victim_gender: body.gender,
        victim_citizenship_group: body.citizenshipGroup,
        victim_migration_background: body.migrationBackground,
        victim_residence_status: body.residenceStatus,
        row_version: row.row_version + 1,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    if (changed.length > 0) {
      await recordCaseEvent(trx, config, {
        caseId: row.id,
        kind: 'victim_profile_changed',
        actorUserId: actor.id,
        at: now,
        details: { fields: changed },
      });
    }
    return changed;
  });
}
