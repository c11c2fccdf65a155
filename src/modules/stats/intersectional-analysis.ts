import type { Kysely } from 'kysely';
import { NOT_CLASSIFIED } from '../../core/stats/dimensions.ts';
import type { ProtectedCount } from '../../core/stats/disclosure.ts';
import type { CaseGroup } from '../../core/stats/crosstab.ts';
import {
  countGroundCombinations,
  discloseIntersectional,
  type GroundGroup,
} from '../../core/stats/intersectional.ts';
import type { Disclosure } from '../../core/stats/perturbation.ts';
import { findCode } from '../../core/taxonomy/taxonomy.ts';
import type { DB } from '../../db/schema.ts';
import type { Locale } from '../../i18n/i18n.ts';
import { currentTaxonomy } from '../taxonomy/taxonomy-files.ts';
import { loadCaseGroups, type StatsFilters } from './case-groups.ts';
import { published, type IntersectionalResult } from './schemas.ts';

/** A group of cases as the intersectional count takes it: its grounds (the first dimension). */
export function groundGroupOf(group: CaseGroup): GroundGroup {
  return {
    grounds: group.values[0]!.filter((value) => value !== NOT_CLASSIFIED),
    count: group.count,
    key: group.key,
  };
}

/** Single-ground, multi-ground and unclassified cases, and the frequent combinations. */
export async function intersectionalAnalysis(
  db: Kysely<DB>,
  filters: StatsFilters,
  options: Disclosure & { timeZone: string; locale: Locale; now?: Date },
): Promise<IntersectionalResult> {
  const taxonomy = currentTaxonomy();
  const { groups } = await loadCaseGroups(db, {
    dimensions: ['ground'],
    filters,
    taxonomy,
    timeZone: options.timeZone,
  });
  const counts = countGroundCombinations(groups.map((group) => groundGroupOf(group)));
  const result = discloseIntersectional(counts, options);
  const label = (code: string) =>
    findCode(taxonomy, 'ground', code)?.labels[options.locale] ?? code;
  const all: ProtectedCount[] = [
    result.total,
    result.single,
    result.multiple,
    result.notClassified,
    ...result.combinations.map((entry) => entry.count),
    result.otherCombinations,
  ];
  return {
    population: filters.population,
    period: { from: filters.from ?? null, to: filters.to ?? null },
    taxonomyVersion: taxonomy.version,
    threshold: options.threshold,
    perturbed: options.perturbed,
    total: published(result.total),
    singleGround: published(result.single),
    multipleGrounds: published(result.multiple),
    notClassified: published(result.notClassified),
    combinations: result.combinations.map((entry) => ({
      grounds: entry.grounds.map((code) => ({ code, label: label(code) })),
      count: published(entry.count),
    })),
    otherCombinations: published(result.otherCombinations),
    suppressedCount: all.filter((count) => count.suppressed !== null).length,
    generatedAt: (options.now ?? new Date()).toISOString(),
  };
}
