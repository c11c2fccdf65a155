import { describe, expect, it } from 'vitest';
import {
  allowedTransitions,
  caseStatuses,
  checkTransition,
  finalStatuses,
  impliedOutcome,
  isFinal,
  reopenTarget,
  reporterStage,
  type CaseStatus,
} from './workflow.ts';

/** The reviewed table of forward moves; everything not listed is forbidden. */
const allowed: Record<CaseStatus, CaseStatus[]> = {
  received: ['in_triage', 'taken_in_charge', 'not_pertinent', 'redirected', 'withdrawn'],
  in_triage: ['taken_in_charge', 'not_pertinent', 'redirected', 'withdrawn'],
  taken_in_charge: ['in_progress', 'closed', 'redirected', 'withdrawn'],
  in_progress: ['closed', 'redirected', 'withdrawn'],
  closed: [],
  not_pertinent: [],
  redirected: [],
  withdrawn: [],
};

/** The request that satisfies the rules for a move (reason and outcome where needed). */
function completeRequest(from: CaseStatus, to: CaseStatus, wasTakenInCharge = false) {
  return {
    from,
    to,
    reason:
      ['not_pertinent', 'redirected', 'withdrawn'].includes(to) || isFinal(from) ? 'why' : null,
    outcome: to === 'closed' && !isFinal(from) ? 'negotiated_solution' : null,
    wasTakenInCharge,
  };
}

const pairs = caseStatuses.flatMap((from) => caseStatuses.map((to) => [from, to] as const));

describe('case workflow', () => {
  it.each(pairs.filter(([from]) => !isFinal(from)))('%s → %s follows the table', (from, to) => {
    const result = checkTransition(completeRequest(from, to));
    if (allowed[from].includes(to)) {
      expect(result).toEqual({ ok: true, kind: 'forward' });
    } else {
      expect(result).toEqual({ ok: false, error: 'transition_not_allowed', field: 'to' });
    }
  });

  it.each(pairs.filter(([from]) => isFinal(from)))(
    'a final %s leaves only by reopening (to %s), never once withdrawn',
    (from, to) => {
      for (const wasTakenInCharge of [true, false]) {
        const result = checkTransition(completeRequest(from, to, wasTakenInCharge));
        if (from !== 'withdrawn' && to === reopenTarget(wasTakenInCharge)) {
          expect(result).toEqual({ ok: true, kind: 'reopen' });
        } else {
          expect(result).toEqual({ ok: false, error: 'transition_not_allowed', field: 'to' });
        }
      }
    },
  );

  it('reopens to work when the case was taken in charge, otherwise to triage', () => {
    expect(reopenTarget(true)).toBe('in_progress');
    expect(reopenTarget(false)).toBe('in_triage');
    for (const status of finalStatuses.filter((s) => s !== 'withdrawn')) {
      expect(allowedTransitions(status, true)).toEqual(['in_progress']);
      expect(allowedTransitions(status, false)).toEqual(['in_triage']);
    }
  });

  it('never reopens a withdrawn case: the reporter withdrew', () => {
    expect(allowedTransitions('withdrawn', true)).toEqual([]);
    expect(allowedTransitions('withdrawn', false)).toEqual([]);
    for (const to of ['in_progress', 'in_triage'] as const) {
      expect(
        checkTransition({
          from: 'withdrawn',
          to,
          reason: 'asked by phone',
          wasTakenInCharge: true,
        }),
      ).toEqual({ ok: false, error: 'transition_not_allowed', field: 'to' });
    }
  });

  it('offers exactly the allowed moves of an open case', () => {
    for (const status of caseStatuses.filter((s) => !isFinal(s))) {
      expect(allowedTransitions(status, false)).toEqual(allowed[status]);
    }
  });

  it('asks a reason for not pertinent, redirected, withdrawn and reopening', () => {
    for (const to of ['not_pertinent', 'redirected', 'withdrawn'] as const) {
      expect(
        checkTransition({ from: 'received', to, reason: '  ', wasTakenInCharge: false }),
      ).toEqual({ ok: false, error: 'reason_required', field: 'reason' });
    }
    expect(checkTransition({ from: 'closed', to: 'in_progress', wasTakenInCharge: true })).toEqual({
      ok: false,
      error: 'reason_required',
      field: 'reason',
    });
    expect(checkTransition({ from: 'received', to: 'in_triage', wasTakenInCharge: false })).toEqual(
      { ok: true, kind: 'forward' },
    );
  });

  it('asks an outcome to close, and refuses one elsewhere', () => {
    expect(checkTransition({ from: 'in_progress', to: 'closed', wasTakenInCharge: true })).toEqual({
      ok: false,
      error: 'outcome_required',
      field: 'outcome',
    });
    expect(
      checkTransition({
        from: 'received',
        to: 'in_triage',
        outcome: 'warning',
        wasTakenInCharge: false,
      }),
    ).toEqual({ ok: false, error: 'outcome_not_allowed', field: 'outcome' });
    expect(
      checkTransition({
        from: 'closed',
        to: 'in_progress',
        reason: 'new facts',
        outcome: 'warning',
        wasTakenInCharge: true,
      }),
    ).toEqual({ ok: false, error: 'outcome_not_allowed', field: 'outcome' });
  });

  it('implies the outcome of final states other than closed', () => {
    expect(impliedOutcome('redirected')).toBe('redirected');
    expect(impliedOutcome('withdrawn')).toBe('withdrawn');
    expect(impliedOutcome('not_pertinent')).toBe('not_discrimination');
    for (const status of [
      'received',
      'in_triage',
      'taken_in_charge',
      'in_progress',
      'closed',
    ] as const) {
      expect(impliedOutcome(status)).toBeNull();
    }
  });

  it('shows the reporter plain stages', () => {
    expect(caseStatuses.map(reporterStage)).toEqual([
      'received',
      'received',
      'being_handled',
      'being_handled',
      'concluded',
      'concluded',
      'concluded',
      'withdrawn',
    ]);
  });
});
