import type { Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';
import { translate, type Locale } from '../../i18n/i18n.ts';
import { staleVersion } from './case-access.ts';

/**
 * The case row, locked for the change: a request built on an older version answers 409 (the
 * operator reloads and sees what a colleague did), and an erased case no longer changes.
 */
export async function lockCase(
  trx: Transaction<DB>,
  caseId: string,
  rowVersion: number | undefined,
  locale: Locale,
) {
  const row = await trx
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', caseId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (rowVersion !== undefined && row.row_version !== rowVersion) throw staleVersion(locale);
  if (row.erased_at !== null) {
    throw new AppError('conflict', {
      fields: [{ field: 'id', message: translate(locale, 'cases.validation.erased') }],
    });
  }
  return row;
}
