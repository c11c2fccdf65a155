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

/** Where a case would go when a coordinator moves it to another queue. */
export interface QueueMove {
  /** The target belongs to the organisation already holding the case (another of its desks). */
  sameOrganisation: boolean;
  /** The case is in the network coordination's queue (the lead partner's), which dispatches it. */
  fromCoordination: boolean;
  /** The target is the network coordination's queue. */
  toCoordination: boolean;
  /** The target desk covers the municipality where it happened: the competent desk. */
  competentDesk: boolean;
}

/**
 * The consent a move needs. Handling consent, as the reporter read it, lets "the competent help
 * desk and, if needed, the network's coordination" handle the report: the desks of the
 * organisation that holds it, the competent desk (a report routed by mistake may be put right),
 * and the coordination, which may take a case over and dispatches its own queue to the node it
 * judges competent, as routing would have. Moving a case from one node to another node that is
 * not competent gives the report to a new recipient: that is what the sharing consent is about
 * ("share the case with another node of the network").
 */
export function consentForMove(move: QueueMove): ConsentPurpose {
  const handled =
    move.sameOrganisation || move.fromCoordination || move.toCoordination || move.competentDesk;
  return handled ? 'handling' : 'sharing';
}
