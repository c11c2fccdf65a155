import type { AuditFilters, AuditOutcome } from '../api/types.ts';

export const outcomes: readonly AuditOutcome[] = ['success', 'denied', 'failure'];

/** The filter form as typed: dates are `YYYY-MM-DD` from the date inputs, in local time. */
export interface AuditFilterForm {
  action: string;
  outcome: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}

export const filterKeys = ['action', 'outcome', 'targetType', 'targetId', 'from', 'to'] as const;

export function formFromParams(params: URLSearchParams): AuditFilterForm {
  return {
    action: params.get('action') ?? '',
    outcome: params.get('outcome') ?? '',
    targetType: params.get('targetType') ?? '',
    targetId: params.get('targetId') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
}

export function paramsFromForm(form: AuditFilterForm): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = form[key].trim();
    if (value) params[key] = value;
  }
  return params;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight at the start of a local calendar day (plus `addDays`), as an ISO instant. */
export function startOfLocalDay(date: string, addDays = 0): string | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const day = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + addDays);
  return Number.isNaN(day.getTime()) ? null : day.toISOString();
}

function isOutcome(value: string): value is AuditOutcome {
  return (outcomes as readonly string[]).includes(value);
}

/**
 * What the API receives. Dates become instants: `from` is the start of the chosen day and `to`
 * the start of the day after, so the whole "to" day is included whatever the user's time zone.
 */
export function apiFilters(form: AuditFilterForm): AuditFilters {
  const filters: AuditFilters = {};
  if (form.action) filters.action = form.action;
  if (isOutcome(form.outcome)) filters.outcome = form.outcome;
  if (form.targetType) filters.targetType = form.targetType;
  if (form.targetId) filters.targetId = form.targetId;
  const from = startOfLocalDay(form.from);
  if (from) filters.from = from;
  const to = startOfLocalDay(form.to, 1);
  if (to) filters.to = to;
  return filters;
}
