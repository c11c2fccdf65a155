import type { Transaction } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { DB } from '../../db/schema.ts';

/** The case was erased (retention over): nothing personal may be added to it any more. */
export class CaseErasedError extends AppError {
  constructor() {
    super('conflict');
  }
}

/**
 * Holds the case row against erasure until the transaction ends, or refuses when it is already
 * erased. Checking `erased_at` before the transaction is not enough: the erase job could run
 * between the check and the insert and leave new personal data on an erased case. The erase
 * job locks its rows FOR UPDATE, so this waits for it and then sees the erased row as gone.
 */
export async function lockLiveCase(trx: Transaction<DB>, caseId: string): Promise<void> {
  const row = await trx
    .selectFrom('cases')
    .select('id')
    .where('id', '=', caseId)
    .where('erased_at', 'is', null)
    .forShare()
    .executeTakeFirst();
  if (!row) throw new CaseErasedError();
}
