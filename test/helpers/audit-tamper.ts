import { sql, type Kysely } from 'kysely';
import type { DB } from '../../src/db/schema.ts';

/**
 * Simulates an attacker with database access: the append-only trigger is switched off only for
 * the change, inside one transaction, exactly as someone bypassing the application would do.
 */
export async function tamperWithAuditLog(
  db: Kysely<DB>,
  change: { kind: 'alter'; id: number } | { kind: 'delete'; id: number },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await sql`ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update`.execute(trx);
    if (change.kind === 'alter') {
      await sql`UPDATE audit_log SET details = details || '{"tampered": true}'::jsonb, action = action || '.x'
        WHERE id = ${change.id}`.execute(trx);
    } else {
      await sql`DELETE FROM audit_log WHERE id = ${change.id}`.execute(trx);
    }
    await sql`ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update`.execute(trx);
  });
}
