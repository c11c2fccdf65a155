import type { ConsentPurpose } from '../../core/cases/consent.ts';
import type { VictimProfileField } from '../../core/cases/vocabularies.ts';

/**
 * What a reporter has answered so far, as typed (so a page shows it back exactly) plus what the
 * server resolved from it (the municipality's code). Kept encrypted in `report_drafts`.
 */
export interface DraftData {
  /** The signed form token every page of this report carries (issued when the draft began). */
  formToken: string;
  narrative?: string;
  when?: {
    precision: 'day' | 'month' | 'year' | 'unknown';
    day: string;
    month: string;
    year: string;
  };
  where?: {
    kind: 'town' | 'online';
    municipality: string;
    municipalityCode: string | null;
    municipalityLabel: string | null;
    onlineLink: string;
    domain: string;
    placeDetail: string;
  };
  who?: { role: string; perpetrator: string; perpetratorDetail: string };
  why?: {
    grounds: string[];
    notSure: boolean;
    profile: Partial<Record<VictimProfileField, string>>;
  };
  files?: { id: string; name: string; sizeBytes: number }[];
  contact?: {
    mode: 'anonymous' | 'contact';
    name: string;
    email: string;
    phone: string;
    preference: string;
    consents: Record<ConsentPurpose, boolean>;
  };
}

/** Form fields as they arrive from an urlencoded body: strings or repeated strings. */
export type FormBody = Record<string, string | string[] | undefined>;

export function field(body: FormBody, name: string, max = 10_000): string {
  const value = body[name];
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'string' ? first.slice(0, max) : '';
}

export function fieldList(body: FormBody, name: string): string[] {
  const value = body[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item) => typeof item === 'string');
}

export interface FieldProblem {
  /** The id of the input the message belongs to (the error summary links to it). */
  field: string;
  message: string;
}

export type StepOutcome<T> =
  { ok: true; value: T } | { ok: false; typed: T; problems: FieldProblem[] };
