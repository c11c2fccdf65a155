import type { Kysely, Transaction } from 'kysely';
import {
  consentPurposes,
  type ConsentChoices,
  type ConsentPurpose,
  type ConsentRecord,
} from '../../core/cases/consent.ts';
import type { DB } from '../../db/schema.ts';

/**
 * The consents given with a report live on the case row, a column per purpose, so intake
 * stores one row (202612061300_intake_on_the_case_row.sql). They were recorded when the case
 * was received, in the reporter's language, by whoever created it.
 */
export interface CaseConsent extends ConsentRecord {
  recordedAt: Date;
}

type WithdrawableColumn =
  | 'consent_sharing_withdrawn_at'
  | 'consent_statistics_withdrawn_at'
  | 'consent_contact_withdrawn_at';

const grantedColumn = {
  handling: 'consent_handling',
  sharing: 'consent_sharing',
  statistics: 'consent_statistics',
  contact: 'consent_contact',
} as const satisfies Record<ConsentPurpose, string>;

const withdrawnColumn: Record<ConsentPurpose, WithdrawableColumn | null> = {
  handling: null,
  sharing: 'consent_sharing_withdrawn_at',
  statistics: 'consent_statistics_withdrawn_at',
  contact: 'consent_contact_withdrawn_at',
};

/** The withdrawal column of a purpose; handling has none (withdrawing it is withdrawing the report). */
export function consentWithdrawnColumn(purpose: ConsentPurpose): WithdrawableColumn | null {
  return withdrawnColumn[purpose];
}

export function consentGrantedColumn(purpose: ConsentPurpose) {
  return grantedColumn[purpose];
}

/** The case row's consent columns for the choices made with the report. */
export function consentColumns(choices: ConsentChoices, textVersion: string) {
  return {
    consent_version: textVersion,
    consent_handling: choices.handling,
    consent_sharing: choices.sharing,
    consent_statistics: choices.statistics,
    consent_contact: choices.contact,
  };
}

/** A case's consents, one per purpose; none for a record that came without (historical data). */
export async function loadCaseConsents(
  db: Kysely<DB> | Transaction<DB>,
  caseId: string,
): Promise<CaseConsent[]> {
  const row = await db
    .selectFrom('cases')
    .select([
      'received_at',
      'consent_version',
      'consent_handling',
      'consent_sharing',
      'consent_statistics',
      'consent_contact',
      'consent_sharing_withdrawn_at',
      'consent_statistics_withdrawn_at',
      'consent_contact_withdrawn_at',
    ])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!row || row.consent_version === null) return [];
  const textVersion = row.consent_version;
  return consentPurposes.map((purpose) => {
    const withdrawn = withdrawnColumn[purpose];
    return {
      purpose,
      granted: row[grantedColumn[purpose]],
      textVersion,
      recordedAt: row.received_at,
      withdrawnAt: withdrawn ? row[withdrawn] : null,
    };
  });
}
