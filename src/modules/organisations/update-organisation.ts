import type { Kysely } from 'kysely';
import { notFound } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { checkOrganisationInput } from './check-organisation-input.ts';
import { fieldError, isUniqueViolation, nameTaken } from './field-errors.ts';
import {
  applyInput,
  diffStates,
  loadState,
  restrictedFields,
  toRow,
  writeTerritories,
} from './organisation-state.ts';
import { recordChange, type ActionContext } from './record-change.ts';
import type { UpdateOrganisationBody } from './schemas.ts';

/**
 * Applies a partial change. Fields left out keep their value; the whole resulting record is
 * validated. Without `mayManageMembership` (node coordinators) a change to the membership,
 * protocol or status fields is refused on that field; sending their current value is allowed,
 * so a form may send the whole record. A change that changes nothing writes no history row.
 * Answers the names of the fields that changed.
 */
export async function updateOrganisation(
  db: Kysely<DB>,
  organisationId: string,
  input: UpdateOrganisationBody,
  context: ActionContext & { mayManageMembership: boolean },
): Promise<string[]> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await loadState(trx, organisationId, { forUpdate: true });
      if (!before) throw notFound();
      const after = applyInput(before, input);
      const changes = diffStates(before, after);
      if (!context.mayManageMembership) {
        const forbidden = restrictedFields.find((field) => field in changes);
        if (forbidden) {
          throw fieldError(context.locale, forbidden, 'membership_forbidden');
        }
      }
      await checkOrganisationInput(trx, after, {
        locale: context.locale,
        organisationId,
        checkName: 'name' in changes,
        territoryInput: input.territoryCodes,
      });
      const fields = Object.keys(changes);
      if (fields.length === 0) return [];
      await trx
        .updateTable('organisations')
        .set({ ...toRow(after), updated_at: new Date() })
        .where('id', '=', organisationId)
        .execute();
      await writeTerritories(trx, organisationId, before.territoryCodes, after.territoryCodes);
      await recordChange(trx, context, {
        organisationId,
        changeKind: 'status' in changes ? 'status_changed' : 'updated',
        changes,
        action: 'organisations.updated',
      });
      return fields.sort();
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(context.locale, error);
    throw error;
  }
}
