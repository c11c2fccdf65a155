import { appendAudit } from '../../modules/audit/append-audit.ts';
import { verifyAuditChain, type AuditChainReport } from '../../modules/audit/verify-chain.ts';
import { parseCommandArguments } from '../arguments.ts';
import { cliActor, withDatabase } from '../database.ts';

const reasons = {
  content_altered: 'its content was changed after it was written',
  link_broken: 'the entry before it was removed or replaced',
} as const;

export function describeBrokenChain(report: Extract<AuditChainReport, { ok: false }>): string {
  return `audit chain is broken at entry ${report.brokenAt}: ${reasons[report.reason]} (${report.reason}; ${report.checked} entries before it are intact).`;
}

/** Exit code 0 when the whole chain verifies, 1 naming the first broken entry otherwise. */
export async function run(args: string[], usage: string): Promise<number> {
  parseCommandArguments(args, {}, usage);
  return withDatabase(async (handle) => {
    const report = await verifyAuditChain(handle.db);
    await appendAudit(handle.db, {
      actorUserId: cliActor.userId,
      actorLabel: cliActor.label,
      action: 'audit.verified',
      outcome: 'success',
      targetType: 'audit_log',
      targetId: 'chain',
      details: { ...report },
    });
    if (!report.ok) {
      console.error(`error: ${describeBrokenChain(report)}`);
      return 1;
    }
    console.log(`Audit chain intact: ${report.checked} entries checked.`);
    return 0;
  });
}
