import type { Kysely } from 'kysely';
import { canWithdraw, consentPurposes, type ConsentPurpose } from '../../core/cases/consent.ts';
import { loadCaseConsents } from '../cases/case-consents.ts';
import {
  checkTransition,
  reporterStage,
  type CaseStatus,
  type ReporterStage,
} from '../../core/cases/workflow.ts';
import type { DB } from '../../db/schema.ts';
import { countUnreadMessages } from '../cases/case-messages.ts';

export interface ReporterConsent {
  purpose: ConsentPurpose;
  granted: boolean;
  withdrawnAt: Date | null;
  /** Granted, not withdrawn, and withdrawable on its own. */
  withdrawable: boolean;
}

/**
 * What the reporter may know about their own report: where it stands in plain words, who
 * handles it (the desk, never the people), what they sent and the choices in force. Nothing
 * the desk wrote about the case (notes, classification, assignee) is here.
 */
export interface ReporterView {
  caseId: string;
  reference: string;
  status: CaseStatus;
  stage: ReporterStage;
  receivedAt: Date;
  /** The desk when the report was routed to one; else the organisation holding the queue. */
  desk: { id: string; name: string; public: boolean } | null;
  organisationName: string | null;
  evidenceFiles: number;
  messagesSent: number;
  additions: number;
  unreadMessages: number;
  consents: ReporterConsent[];
  /** Whether the workflow still lets the reporter withdraw the report. */
  canWithdrawReport: boolean;
}

export const WITHDRAWAL_REASON = 'withdrawn by the reporter';

export function reportWithdrawable(status: CaseStatus, wasTakenInCharge: boolean): boolean {
  return checkTransition({
    from: status,
    to: 'withdrawn',
    reason: WITHDRAWAL_REASON,
    wasTakenInCharge,
  }).ok;
}

/** The reporter's view of a case still open to them (not erased), or null. */
export async function loadReporterView(
  db: Kysely<DB>,
  caseId: string,
): Promise<ReporterView | null> {
  const row = await db
    .selectFrom('cases')
    .leftJoin('help_desks', 'help_desks.id', 'cases.help_desk_id')
    .leftJoin('organisations', 'organisations.id', 'cases.organisation_id')
    .select([
      'cases.id',
      'cases.reference',
      'cases.status',
      'cases.received_at',
      'cases.taken_in_charge_at',
      'help_desks.id as deskId',
      'help_desks.name as deskName',
      'help_desks.status as deskStatus',
      'organisations.name as organisationName',
    ])
    .where('cases.id', '=', caseId)
    .where('cases.erased_at', 'is', null)
    .executeTakeFirst();
  if (!row) return null;

  const [documents, sent, additions, unread, consentRows] = await Promise.all([
    db
      .selectFrom('case_documents')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('case_id', '=', caseId)
      .where('source', '=', 'reporter')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('case_messages')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('case_id', '=', caseId)
      .where('direction', '=', 'from_reporter')
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('case_events')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('case_id', '=', caseId)
      .where('kind', '=', 'reporter_added_information')
      .executeTakeFirstOrThrow(),
    countUnreadMessages(db, caseId, 'to_reporter'),
    loadCaseConsents(db, caseId),
  ]);

  const consents = consentPurposes.map((purpose): ReporterConsent => {
    const record = consentRows.find((consent) => consent.purpose === purpose);
    const granted = record?.granted ?? false;
    const withdrawnAt = record?.withdrawnAt ?? null;
    return {
      purpose,
      granted,
      withdrawnAt,
      withdrawable: granted && withdrawnAt === null && canWithdraw(purpose),
    };
  });

  return {
    caseId: row.id,
    reference: row.reference,
    status: row.status,
    stage: reporterStage(row.status),
    receivedAt: row.received_at,
    desk:
      row.deskId && row.deskName
        ? { id: row.deskId, name: row.deskName, public: row.deskStatus === 'active' }
        : null,
    organisationName: row.organisationName,
    evidenceFiles: Number(documents.count),
    messagesSent: Number(sent.count),
    additions: Number(additions.count),
    unreadMessages: unread,
    consents,
    canWithdrawReport: reportWithdrawable(row.status, row.taken_in_charge_at !== null),
  };
}
