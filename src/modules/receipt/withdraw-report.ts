import { sql, type Kysely } from 'kysely';
import type { Config } from '../../config.ts';
import { checkTransition, impliedOutcome } from '../../core/cases/workflow.ts';
import type { DB } from '../../db/schema.ts';
import { retentionUntil } from '../cases/case-clock.ts';
import { recordCaseEvent } from '../cases/case-events.ts';
import { caseSettingsOf } from '../cases/case-settings.ts';
import { WITHDRAWAL_REASON } from './load-status.ts';

export type ReportWithdrawal = { status: 'withdrawn' } | { status: 'not_allowed' };

/**
 * The reporter withdraws the whole report: the case moves to `withdrawn` through the same
 * state machine as an operator's change (the same 'transition' event, marked as done by the
 * reporter, with the reason sealed), and its retention starts counting. Refused when the case
 * is already over. It does not count as the desk acknowledging the report.
 */
export async function withdrawReport(
  db: Kysely<DB>,
  config: Config,
  caseId: string,
  now = new Date(),
): Promise<ReportWithdrawal> {
  const settings = caseSettingsOf(config);
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('cases')
      .select(['status', 'taken_in_charge_at'])
      .where('id', '=', caseId)
      .where('erased_at', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { status: 'not_allowed' };
    const check = checkTransition({
      from: row.status,
      to: 'withdrawn',
      reason: WITHDRAWAL_REASON,
      wasTakenInCharge: row.taken_in_charge_at !== null,
    });
    if (!check.ok) return { status: 'not_allowed' };
    const outcome = impliedOutcome('withdrawn');
    await trx
      .updateTable('cases')
      .set({
        status: 'withdrawn',
        final_at: now,
        outcome_code: outcome,
        retention_until: retentionUntil(now, 'withdrawn', settings),
        updated_at: now,
        row_version: sql<number>`row_version + 1`,
      })
      .where('id', '=', caseId)
      .execute();
    await recordCaseEvent(trx, config, {
      caseId,
      kind: 'transition',
      actorUserId: null,
      byReporter: true,
      at: now,
      details: { from: row.status, to: 'withdrawn', outcome, reopened: false },
      body: WITHDRAWAL_REASON,
    });
    return { status: 'withdrawn' };
  });
}
