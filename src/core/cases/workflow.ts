/**
 * The life of a case as a state machine. Every change of state goes through `checkTransition`,
 * on the server, so an operator's screen can only offer what the rules allow and a hand-made
 * request cannot skip a step. Pure: the caller records who, when and why.
 */

export const caseStatuses = [
  'received',
  'in_triage',
  'taken_in_charge',
  'in_progress',
  'closed',
  'not_pertinent',
  'redirected',
  'withdrawn',
] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** States a case rests in once the work is over; retention starts counting from them. */
export const finalStatuses: readonly CaseStatus[] = [
  'closed',
  'not_pertinent',
  'redirected',
  'withdrawn',
];

export function isFinal(status: CaseStatus): boolean {
  return finalStatuses.includes(status);
}

/**
 * Allowed moves. A final case leaves its state only by reopening (`reopenTarget`), which
 * always needs a reason; withdrawal is possible until the case is over, whoever asks.
 * A withdrawn case is never reopened: the reporter withdrew, and staff may not undo that.
 */
const forward: Record<CaseStatus, readonly CaseStatus[]> = {
  received: ['in_triage', 'taken_in_charge', 'not_pertinent', 'redirected', 'withdrawn'],
  in_triage: ['taken_in_charge', 'not_pertinent', 'redirected', 'withdrawn'],
  taken_in_charge: ['in_progress', 'closed', 'redirected', 'withdrawn'],
  in_progress: ['closed', 'redirected', 'withdrawn'],
  closed: [],
  not_pertinent: [],
  redirected: [],
  withdrawn: [],
};

/**
 * Where a reopened case goes: back to work if someone had taken it in charge, otherwise back
 * to triage.
 */
export function reopenTarget(wasTakenInCharge: boolean): CaseStatus {
  return wasTakenInCharge ? 'in_progress' : 'in_triage';
}

export interface TransitionRequest {
  from: CaseStatus;
  to: CaseStatus;
  /** Free-text reason; required where the rules below say so. */
  reason?: string | null;
  /** Outcome code (taxonomy facet `outcome`); required to close. */
  outcome?: string | null;
  /** Whether the case was ever taken in charge (decides where reopening leads). */
  wasTakenInCharge: boolean;
}

export type TransitionError =
  'transition_not_allowed' | 'reason_required' | 'outcome_required' | 'outcome_not_allowed';

export type TransitionKind = 'forward' | 'reopen';

export type TransitionCheck =
  | { ok: true; kind: TransitionKind }
  | { ok: false; error: TransitionError; field?: 'to' | 'reason' | 'outcome' };

/** States whose entry must say why: someone reading the case later needs the reason. */
const needsReason: readonly CaseStatus[] = ['not_pertinent', 'redirected', 'withdrawn'];

export function allowedTransitions(status: CaseStatus, wasTakenInCharge: boolean): CaseStatus[] {
  if (status === 'withdrawn') return [];
  if (isFinal(status)) return [reopenTarget(wasTakenInCharge)];
  return [...forward[status]];
}

export function checkTransition(request: TransitionRequest): TransitionCheck {
  const { from, to } = request;
  const reason = request.reason?.trim() ?? '';
  const outcome = request.outcome?.trim() ?? '';
  if (from === 'withdrawn') return { ok: false, error: 'transition_not_allowed', field: 'to' };
  const reopening = isFinal(from);
  if (reopening) {
    if (to !== reopenTarget(request.wasTakenInCharge)) {
      return { ok: false, error: 'transition_not_allowed', field: 'to' };
    }
    if (!reason) return { ok: false, error: 'reason_required', field: 'reason' };
    if (outcome) return { ok: false, error: 'outcome_not_allowed', field: 'outcome' };
    return { ok: true, kind: 'reopen' };
  }
  if (!forward[from].includes(to)) {
    return { ok: false, error: 'transition_not_allowed', field: 'to' };
  }
  if (to === 'closed' && !outcome)
    return { ok: false, error: 'outcome_required', field: 'outcome' };
  if (to !== 'closed' && outcome) {
    return { ok: false, error: 'outcome_not_allowed', field: 'outcome' };
  }
  if (needsReason.includes(to) && !reason) {
    return { ok: false, error: 'reason_required', field: 'reason' };
  }
  return { ok: true, kind: 'forward' };
}

/** The outcome a final state implies when the operator does not choose one. */
export function impliedOutcome(status: CaseStatus): string | null {
  switch (status) {
    case 'redirected':
      return 'redirected';
    case 'withdrawn':
      return 'withdrawn';
    case 'not_pertinent':
      return 'not_discrimination';
    case 'received':
    case 'in_triage':
    case 'taken_in_charge':
    case 'in_progress':
    case 'closed':
      return null;
  }
}

/**
 * What a reporter reads with their receipt: a few plain-language stages, not the desk's
 * internal states (triage or reassignment mean nothing to them).
 */
export type ReporterStage = 'received' | 'being_handled' | 'concluded' | 'withdrawn';

export function reporterStage(status: CaseStatus): ReporterStage {
  switch (status) {
    case 'received':
    case 'in_triage':
      return 'received';
    case 'taken_in_charge':
    case 'in_progress':
      return 'being_handled';
    case 'closed':
    case 'not_pertinent':
    case 'redirected':
      return 'concluded';
    case 'withdrawn':
      return 'withdrawn';
  }
}
