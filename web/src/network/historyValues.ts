import type { HistoryLabels } from '../api/history.ts';

/** Message prefix of the vocabulary a history field holds codes of. */
const codePrefixes: Record<string, string> = {
  services: 'network.service',
  channels: 'network.channel',
  languages: 'network.language',
  accessibility: 'network.accessibility',
  accessMode: 'network.access_mode',
  kind: 'bo.network.kind',
  networkRole: 'bo.network.role',
  status: 'bo.network.status',
};

const municipalityFields = new Set([
  'municipalityCode',
  'territoryCodes',
  'competentMunicipalityCodes',
]);

interface Context {
  labels: HistoryLabels;
  codeLabel: (prefix: string, code: string) => string;
  empty: string;
}

function plain(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
    return String(value);
  return JSON.stringify(value);
}

function one(field: string, value: unknown, context: Context): string {
  if (typeof value === 'string' && value !== '') {
    if (municipalityFields.has(field)) return context.labels.municipalities[value] ?? value;
    if (field === 'organisationId') return context.labels.organisations[value] ?? value;
    const prefix = codePrefixes[field];
    if (prefix) return context.codeLabel(prefix, value);
  }
  if (field === 'referralsTo' && typeof value === 'object' && value !== null) {
    const referral = value as { organisationId?: unknown; description?: unknown };
    const id = typeof referral.organisationId === 'string' ? referral.organisationId : '';
    const name = context.labels.organisations[id] ?? id;
    return typeof referral.description === 'string' && referral.description
      ? `${name} (${referral.description})`
      : name;
  }
  return plain(value, context.empty);
}

/**
 * A history value as people read it: names for municipality codes and organisation ids,
 * translated labels for vocabulary codes, lists joined with commas.
 */
export function describeValue(field: string, value: unknown, context: Context): string {
  if (Array.isArray(value)) {
    return value.length
      ? value.map((item: unknown) => one(field, item, context)).join(', ')
      : context.empty;
  }
  return one(field, value, context);
}
