/**
 * Consent per purpose (GDPR art. 9(2)(a)): what a reporter agreed to, with the version of the
 * text they read. Handling by the desk is the reason the report exists, so it is required;
 * the others are optional and can be withdrawn at any time, after which the desk stops doing
 * that thing (no new referrals, no statistics use, no contact).
 */

export const consentPurposes = ['handling', 'sharing', 'statistics', 'contact'] as const;
export type ConsentPurpose = (typeof consentPurposes)[number];

/** The version of the consent texts shown today. A changed text is a new version, never an edit. */
export const CURRENT_CONSENT_VERSION = '2026-11';

export interface ConsentRecord {
  purpose: ConsentPurpose;
  granted: boolean;
  textVersion: string;
  withdrawnAt: Date | null;
}

export type ConsentChoices = Record<ConsentPurpose, boolean>;

export type ConsentProblem = 'handling_required' | 'contact_needs_a_channel';

/**
 * Checks the choices made in the report form. Contact consent without any way to be contacted
 * means nothing, and is refused so the reporter is not misled into waiting for a call.
 */
export function checkConsentChoices(
  choices: ConsentChoices,
  hasContactChannel: boolean,
): { field: ConsentPurpose; problem: ConsentProblem }[] {
  const problems: { field: ConsentPurpose; problem: ConsentProblem }[] = [];
  if (!choices.handling) problems.push({ field: 'handling', problem: 'handling_required' });
  if (choices.contact && !hasContactChannel) {
    problems.push({ field: 'contact', problem: 'contact_needs_a_channel' });
  }
  return problems;
}

/** A purpose is in force when it was granted and not withdrawn. */
export function hasConsent(records: readonly ConsentRecord[], purpose: ConsentPurpose): boolean {
  return records.some(
    (record) => record.purpose === purpose && record.granted && record.withdrawnAt === null,
  );
}

/**
 * Handling cannot be withdrawn on its own: withdrawing it is withdrawing the report, which the
 * reporter does explicitly (the case moves to `withdrawn`).
 */
export function canWithdraw(purpose: ConsentPurpose): boolean {
  return purpose !== 'handling';
}
