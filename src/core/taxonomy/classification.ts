/**
 * A case's classification: which codes of each facet apply, with the ground flags of DESIGN
 * (primary / perceived / by association). Checked against the taxonomy version the case is
 * classified with; the result names the field of every problem.
 */
import { findCode, topLevelCode, type Facet, type Taxonomy } from './taxonomy.ts';

export interface Classification {
  grounds: string[];
  /** The ground the case is mainly about; one of `grounds`. */
  primaryGround: string | null;
  /** Grounds the perpetrator attributed to the victim, true or not. */
  perceivedGrounds: string[];
  /** Grounds of someone the victim is associated with (a child, a partner). */
  associationGrounds: string[];
  domains: string[];
  types: string[];
  perpetratorKind: string | null;
  perpetratorSectors: string[];
  perpetratorRoles: string[];
  reporterRole: string | null;
}

export interface ClassificationProblem {
  field: keyof Classification;
  code: 'unknown_code' | 'duplicate_code' | 'flag_without_ground';
  value: string;
}

const multiFacets: [keyof Classification, Facet][] = [
  ['grounds', 'ground'],
  ['domains', 'domain'],
  ['types', 'type'],
  ['perpetratorSectors', 'perpetrator_sector'],
  ['perpetratorRoles', 'perpetrator_role'],
];

export function checkClassification(
  taxonomy: Taxonomy,
  classification: Classification,
): ClassificationProblem[] {
  const problems: ClassificationProblem[] = [];
  for (const [field, facet] of multiFacets) {
    const values = classification[field] as string[];
    const seen = new Set<string>();
    for (const value of values) {
      if (!findCode(taxonomy, facet, value)) problems.push({ field, code: 'unknown_code', value });
      else if (seen.has(value)) problems.push({ field, code: 'duplicate_code', value });
      seen.add(value);
    }
  }
  const single: [keyof Classification, Facet, string | null][] = [
    ['perpetratorKind', 'perpetrator_kind', classification.perpetratorKind],
    ['reporterRole', 'reporter_role', classification.reporterRole],
  ];
  for (const [field, facet, value] of single) {
    if (value !== null && !findCode(taxonomy, facet, value)) {
      problems.push({ field, code: 'unknown_code', value });
    }
  }
  const grounds = new Set(classification.grounds);
  const flagged: [keyof Classification, string[]][] = [
    ['primaryGround', classification.primaryGround === null ? [] : [classification.primaryGround]],
    ['perceivedGrounds', classification.perceivedGrounds],
    ['associationGrounds', classification.associationGrounds],
  ];
  for (const [field, values] of flagged) {
    for (const value of values) {
      if (!grounds.has(value)) problems.push({ field, code: 'flag_without_ground', value });
    }
  }
  return problems;
}

/**
 * Two or more grounds make a case intersectional. A sub-code and its own parent ("anti-Black"
 * under "racial or ethnic origin") are one ground, not two.
 */
export function isIntersectional(taxonomy: Taxonomy, grounds: readonly string[]): boolean {
  return distinctTopLevelGrounds(taxonomy, grounds).length >= 2;
}

export function distinctTopLevelGrounds(taxonomy: Taxonomy, grounds: readonly string[]): string[] {
  return [...new Set(grounds.map((ground) => topLevelCode(taxonomy, 'ground', ground)))];
}

export const emptyClassification: Classification = {
  grounds: [],
  primaryGround: null,
  perceivedGrounds: [],
  associationGrounds: [],
  domains: [],
  types: [],
  perpetratorKind: null,
  perpetratorSectors: [],
  perpetratorRoles: [],
  reporterRole: null,
};
