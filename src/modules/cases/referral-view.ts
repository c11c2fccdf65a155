import type { ReferralShare } from './case-access.ts';
import type { CaseDetail } from './case-detail.ts';

/** Timeline events that are notes, the only ones a referral's `notes` share opens. */
const noteKinds: readonly string[] = ['note'];

/**
 * What the receiver of a referral sees of a case: the case's identity, state and dates always;
 * the story (narrative, place, online link, perpetrator), the reporter's contact, the
 * classification and victim profile, and the notes only when the referral shares them. The
 * team's working parts (assignee, consents, other events, allowed transitions) never.
 * Documents are listed by their own route, which checks the same `documents` share.
 */
export function referralView(detail: CaseDetail, shares: readonly ReferralShare[]): CaseDetail {
  const has = (share: ReferralShare) => shares.includes(share);
  const narrative = has('narrative');
  return {
    ...detail,
    access: 'referral',
    shares: [...shares],
    assignee: null,
    narrative: narrative ? detail.narrative : null,
    placeDetail: narrative ? detail.placeDetail : null,
    onlineLink: narrative ? detail.onlineLink : null,
    perpetratorDetail: narrative ? detail.perpetratorDetail : null,
    reporter: { ...detail.reporter, contact: has('contact') ? detail.reporter.contact : null },
    classification: has('classification') ? detail.classification : null,
    victimProfile: has('classification') ? detail.victimProfile : null,
    consents: [],
    events: has('notes') ? detail.events.filter((event) => noteKinds.includes(event.kind)) : [],
    allowedTransitions: [],
  };
}
