import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { checkOrganisationInput } from './check-organisation-input.ts';
import { isUniqueViolation, nameTaken } from './field-errors.ts';
import {
  applyInput,
  diffStates,
  emptyState,
  toRow,
  writeTerritories,
} from './organisation-state.ts';
import { recordChange, type ActionContext } from './record-change.ts';
import type { CreateOrganisationBody } from './schemas.ts';

/**
 * Creates an organisation with its territories. The row, its territories, the `created`
 * history row and the `organisations.created` audit row commit together.
 */
export async function createOrganisation(
  db: Kysely<DB>,
  input: CreateOrganisationBody,
  context: ActionContext,
): Promise<string> {
  const state = applyInput({ ...emptyState, name: input.name, kind: input.kind }, input);
  try {
    return await db.transaction().execute(async (trx) => {
      await checkOrganisationInput(trx, state, {
        locale: context.locale,
        organisationId: null,
        checkName: true,
        territoryInput: input.territoryCodes,
      });
      const row = await trx
        .insertInto('organisations')
        .values(toRow(state))
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeTerritories(trx, row.id, [], state.territoryCodes);
      await recordChange(trx, context, {
        organisationId: row.id,
        changeKind: 'created',
        changes: diffStates(null, state),
        action: 'organisations.created',
      });
      return row.id;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(context.locale, error);
    throw error;
  }
}
