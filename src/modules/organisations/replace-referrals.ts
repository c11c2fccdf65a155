import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { FieldErrors, isUuid } from './field-errors.ts';
import { recordChange, type ActionContext } from './record-change.ts';
import type { ReferralsBody } from './schemas.ts';

interface Referral {
  organisationId: string;
  description: string | null;
}

const byTarget = (a: Referral, b: Referral) => a.organisationId.localeCompare(b.organisationId);

/**
 * Makes the organisation's outgoing referral links exactly the given list: no link to itself,
 * every target an existing organisation, each once. Links that stay keep their creation date.
 * The history row (`referralsTo` as arrays) and the `organisations.referrals_changed` audit row
 * are written with the change; a list equal to the current one writes nothing. Answers whether
 * anything changed.
 */
export async function replaceReferrals(
  db: Kysely<DB>,
  organisationId: string,
  input: ReferralsBody,
  context: ActionContext,
): Promise<boolean> {
  const wanted: Referral[] = input.referralsTo.map((referral) => ({
    organisationId: referral.organisationId.toLowerCase(),
    description: referral.description ? referral.description : null,
  }));
  return db.transaction().execute(async (trx) => {
    const self = await trx
      .selectFrom('organisations')
      .select('id')
      .where('id', '=', organisationId)
      .forUpdate()
      .executeTakeFirst();
    if (!self) throw notFound();

    const errors = new FieldErrors(context.locale);
    const ids = wanted.map((referral) => referral.organisationId).filter(isUuid);
    const existing = new Set(
      ids.length === 0
        ? []
        : (await trx.selectFrom('organisations').select('id').where('id', 'in', ids).execute()).map(
            (row) => row.id,
          ),
    );
    const seen = new Set<string>();
    wanted.forEach((referral, index) => {
      const field = `referralsTo.${index}.organisationId`;
      if (referral.organisationId === organisationId) errors.add(field, 'referral_self');
      else if (!existing.has(referral.organisationId)) errors.add(field, 'referral_unknown');
      else if (seen.has(referral.organisationId)) errors.add(field, 'referral_duplicate');
      seen.add(referral.organisationId);
    });
    errors.throwIfAny();

    const current: Referral[] = (
      await trx
        .selectFrom('referral_links')
        .select(['to_organisation_id', 'description'])
        .where('from_organisation_id', '=', organisationId)
        .execute()
    ).map((row) => ({ organisationId: row.to_organisation_id, description: row.description }));
    const from = [...current].sort(byTarget);
    const to = [...wanted].sort(byTarget);
    if (JSON.stringify(from) === JSON.stringify(to)) return false;

    const wantedById = new Map(to.map((referral) => [referral.organisationId, referral]));
    const currentById = new Map(from.map((referral) => [referral.organisationId, referral]));
    const removed = from.filter((referral) => !wantedById.has(referral.organisationId));
    if (removed.length > 0) {
      await trx
        .deleteFrom('referral_links')
        .where('from_organisation_id', '=', organisationId)
        .where(
          'to_organisation_id',
          'in',
          removed.map((referral) => referral.organisationId),
        )
        .execute();
    }
    for (const referral of to) {
      const before = currentById.get(referral.organisationId);
      if (!before) {
        await trx
          .insertInto('referral_links')
          .values({
            from_organisation_id: organisationId,
            to_organisation_id: referral.organisationId,
            description: referral.description,
          })
          .execute();
      } else if (before.description !== referral.description) {
        await trx
          .updateTable('referral_links')
          .set({ description: referral.description })
          .where('from_organisation_id', '=', organisationId)
          .where('to_organisation_id', '=', referral.organisationId)
          .execute();
      }
    }
    await trx
      .updateTable('organisations')
      .set({ updated_at: new Date() })
      .where('id', '=', organisationId)
      .execute();
    await recordChange(trx, context, {
      organisationId,
      changeKind: 'updated',
      changes: { referralsTo: { from, to } },
      action: 'organisations.referrals_changed',
    });
    return true;
  });
}
