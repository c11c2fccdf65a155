import { sql, type Kysely, type Transaction } from 'kysely';
import type { Config } from '../../config.ts';
import {
  addDays,
  addMonths,
  INACTIVITY_NOTICE_DAYS,
  inactiveCaseStep,
  type InactiveCase,
} from '../../core/cases/retention.ts';
import { localDate } from '../../core/cases/working-days.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../audit/append-audit.ts';
import { recordCaseEvent } from './case-events.ts';
import { caseSettingsOf } from './case-settings.ts';
import { eraseCaseRows } from './erase-case-rows.ts';

/** The timeline event that warns the team; it is not activity itself. */
export const INACTIVITY_WARNING = 'retention_warning';

/** The last activity and the last warning of a case, read under the caller's lock or not. */
function activityOf(eb: Kysely<DB> | Transaction<DB>, caseIds: string[]) {
  return eb
    .selectFrom('cases')
    .select((select) => [
      'cases.id',
      'cases.status',
      sql<Date>`coalesce((
        SELECT e.at FROM case_events e
        WHERE e.case_id = cases.id AND e.kind <> ${INACTIVITY_WARNING}
        ORDER BY e.id DESC LIMIT 1), cases.received_at)`.as('last_activity_at'),
      select
        .selectFrom('case_events as w')
        .select('w.at')
        .whereRef('w.case_id', '=', 'cases.id')
        .where('w.kind', '=', INACTIVITY_WARNING)
        .orderBy('w.id', 'desc')
        .limit(1)
        .as('warned_at'),
    ])
    .where('cases.id', 'in', caseIds)
    .where('cases.final_at', 'is', null)
    .where('cases.erased_at', 'is', null);
}

/**
 * Open cases nobody has worked on for `CASE_RETENTION_MONTHS_INACTIVE` months
 * (src/core/cases/retention.ts): first a warning on the timeline, for the team and its
 * coordinator, at least 30 days ahead; then, if still nothing happened, the personal data is
 * erased as for a case past its retention, and the classified record stays. Each case is
 * decided again under its row lock, so a note written meanwhile keeps it. Answers how many
 * cases were warned and erased.
 */
export async function handleInactiveCases(
  db: Kysely<DB>,
  config: Config,
  now = new Date(),
): Promise<{ warnedInactive: number; erasedInactive: number }> {
  const settings = caseSettingsOf(config);
  const today = localDate(now, settings.timeZone);
  // Anything active after this instant cannot be due for a warning yet (two days of margin
  // for time zones); the exact rule runs per case below.
  const horizon = addDays(addMonths(today, -settings.inactiveMonths), INACTIVITY_NOTICE_DAYS + 2);
  const candidates = await db
    .selectFrom('cases')
    .select('id')
    .where('final_at', 'is', null)
    .where('erased_at', 'is', null)
    .where('received_at', '<', sql<Date>`${horizon}::date`)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('case_events as e')
            .select('e.id')
            .whereRef('e.case_id', '=', 'cases.id')
            .where('e.kind', '<>', INACTIVITY_WARNING)
            .where('e.at', '>=', sql<Date>`${horizon}::date`),
        ),
      ),
    )
    .orderBy('received_at')
    .execute();
  let warnedInactive = 0;
  let erasedInactive = 0;
  for (const { id } of candidates) {
    const step = await db.transaction().execute(async (trx) => {
      await trx.selectFrom('cases').select('id').where('id', '=', id).forUpdate().execute();
      const row = await activityOf(trx, [id]).executeTakeFirst();
      if (!row) return 'keep';
      const item: InactiveCase = {
        lastActivityAt: row.last_activity_at,
        warnedAt: row.warned_at,
      };
      const decision = inactiveCaseStep(item, now, settings);
      if (decision.step === 'warn') {
        await recordCaseEvent(trx, config, {
          caseId: id,
          kind: INACTIVITY_WARNING,
          actorUserId: null,
          at: now,
          details: { eraseFrom: decision.eraseFrom, inactiveMonths: settings.inactiveMonths },
        });
        await appendAudit(trx, {
          actorUserId: null,
          actorLabel: 'system',
          action: 'cases.inactivity_warned',
          targetType: 'case',
          targetId: id,
          details: { status: row.status, eraseFrom: decision.eraseFrom },
        });
      } else if (decision.step === 'erase') {
        await eraseCaseRows(trx, [id], now);
        await appendAudit(trx, {
          actorUserId: null,
          actorLabel: 'system',
          action: 'cases.erased',
          targetType: 'case',
          targetId: id,
          details: {
            status: row.status,
            reason: 'inactive',
            lastActivityOn: decision.lastActivityOn,
          },
        });
      }
      return decision.step;
    });
    if (step === 'warn') warnedInactive += 1;
    if (step === 'erase') erasedInactive += 1;
  }
  return { warnedInactive, erasedInactive };
}
