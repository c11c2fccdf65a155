import type { Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import {
  checkTransition,
  impliedOutcome,
  isFinal,
  type CaseStatus,
} from '../../core/cases/workflow.ts';
import type { Actor } from '../../core/policy.ts';
import { findCode } from '../../core/taxonomy/taxonomy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { taxonomyVersion } from '../taxonomy/taxonomy-files.ts';
import { fieldError, isUuid } from './case-access.ts';
import { retentionUntil, type FinalStatus } from './case-clock.ts';
import { recordCaseEvent } from './case-events.ts';
import { caseSettingsOf } from './case-settings.ts';
import { lockCase } from './lock-case.ts';
import type { TransitionBody } from './schemas.ts';

/**
 * Moves a case to another state, as the workflow allows. The clock follows: the first move out
 * of `received` acknowledges the report, entering `taken_in_charge` records when, a final state
 * starts the retention period (reopening stops it). The reason is sealed in the event; the event's
 * details keep only states and codes.
 */
export async function transitionCase(
  db: Kysely<DB>,
  config: Config,
  actor: Actor,
  caseId: string,
  body: TransitionBody,
  locale: Locale,
  now = new Date(),
): Promise<{ from: CaseStatus; to: CaseStatus; outcome: string | null }> {
  return db.transaction().execute(async (trx) => {
    const row = await lockCase(trx, caseId, body.rowVersion, locale, actor);
    const from = row.status;
    const to = body.to;
    const check = checkTransition({
      from,
      to,
      reason: body.reason ?? null,
      outcome: body.outcome ?? null,
      wasTakenInCharge: row.taken_in_charge_at !== null,
    });
    if (!check.ok) {
      throw fieldError(locale, check.field ?? 'to', `cases.transition.${check.error}`);
    }
    let outcome: string | null = null;
    if (to === 'closed') {
      outcome = body.outcome?.trim() ?? null;
      const taxonomy = taxonomyVersion(row.taxonomy_version);
      if (!outcome || !taxonomy || !findCode(taxonomy, 'outcome', outcome)) {
        throw fieldError(locale, 'outcome', 'cases.validation.code_unknown');
      }
    } else if (isFinal(to)) {
      outcome = impliedOutcome(to);
    }
    const redirectTo = body.redirectTo ?? null;
    if (redirectTo !== null) {
      if (to !== 'redirected') {
        throw fieldError(locale, 'redirectTo', 'cases.validation.redirect_only_when_redirected');
      }
      const target = isUuid(redirectTo)
        ? await trx
            .selectFrom('organisations')
            .select('id')
            .where('id', '=', redirectTo)
            .executeTakeFirst()
        : undefined;
      if (!target) throw fieldError(locale, 'redirectTo', 'cases.validation.organisation_unknown');
    }

    const settings = caseSettingsOf(config);
    const reopening = check.kind === 'reopen';
    await trx
      .updateTable('cases')
      .set({
        status: to,
        row_version: row.row_version + 1,
        updated_at: now,
        ...(row.acknowledged_at === null && from === 'received' ? { acknowledged_at: now } : {}),
        ...(to === 'taken_in_charge' && row.taken_in_charge_at === null
          ? { taken_in_charge_at: now }
          : {}),
        ...(isFinal(to)
          ? {
              final_at: now,
              retention_until: retentionUntil(now, to as FinalStatus, settings),
              outcome_code: outcome,
            }
          : {}),
        ...(reopening ? { final_at: null, retention_until: null, outcome_code: null } : {}),
      })
      .where('id', '=', row.id)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId: row.id,
      kind: 'transition',
      actorUserId: actor.id,
      at: now,
      details: { from, to, outcome, reopened: reopening, ...(redirectTo ? { redirectTo } : {}) },
      body: body.reason ?? null,
    });
    return { from, to, outcome };
  });
}
