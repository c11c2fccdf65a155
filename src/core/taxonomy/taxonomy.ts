/**
 * The classification of cases (DESIGN.md, "Classification") as data: facets of codes, each with
 * Italian and English labels, optional plain-language wording for the public form, and mappings
 * to UNAR, EU-directive, ODIHR and equality-body codes. A published version never changes; a
 * case keeps the version it was classified with. Pure: the JSON is read by the caller.
 */
import { z } from 'zod';

export const facets = [
  'ground',
  'domain',
  'type',
  'perpetrator_kind',
  'perpetrator_sector',
  'perpetrator_role',
  'reporter_role',
  'outcome',
] as const;
export type Facet = (typeof facets)[number];

const code = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/);
const label = z.string().trim().min(1).max(200);
const mapping = z.string().min(1).max(100).nullable();

const mappingsSchema = z.strictObject({
  unar: mapping,
  euDirective: mapping,
  odihr: mapping,
  equalityBody: mapping,
});
export type TaxonomyMappings = z.infer<typeof mappingsSchema>;

const leafSchema = z.strictObject({
  code,
  it: label,
  en: label,
  public: z.strictObject({ it: label, en: label }).optional(),
  mappings: mappingsSchema,
});

const entrySchema = leafSchema.extend({ children: z.array(leafSchema).optional() });

export const taxonomyFileSchema = z.strictObject({
  version: z.string().regex(/^\d{4}\.\d+$/),
  publishedOn: z.iso.date(),
  description: z.string(),
  facets: z.strictObject(
    Object.fromEntries(facets.map((facet) => [facet, z.array(entrySchema).min(1)])) as Record<
      Facet,
      z.ZodArray<typeof entrySchema>
    >,
  ),
});
export type TaxonomyFile = z.infer<typeof taxonomyFileSchema>;

export interface TaxonomyCode {
  facet: Facet;
  code: string;
  /** The top-level code this one refines (an ODIHR sub-code of racial or ethnic origin). */
  parent: string | null;
  position: number;
  labels: { it: string; en: string };
  publicLabels: { it: string; en: string } | null;
  mappings: TaxonomyMappings;
}

export interface Taxonomy {
  version: string;
  publishedOn: string;
  codes: TaxonomyCode[];
}

/**
 * Validates a taxonomy file and flattens it into codes. Codes must be unique within a facet
 * (sub-codes included), so a stored code is never ambiguous.
 */
export function parseTaxonomy(input: unknown): Taxonomy {
  const file = taxonomyFileSchema.parse(input);
  const codes: TaxonomyCode[] = [];
  for (const facet of facets) {
    const seen = new Set<string>();
    let position = 0;
    const add = (entry: z.infer<typeof leafSchema>, parent: string | null) => {
      if (seen.has(entry.code)) {
        throw new Error(`taxonomy ${file.version}: code ${facet}/${entry.code} appears twice`);
      }
      seen.add(entry.code);
      codes.push({
        facet,
        code: entry.code,
        parent,
        position: position++,
        labels: { it: entry.it, en: entry.en },
        publicLabels: entry.public ?? null,
        mappings: entry.mappings,
      });
    };
    for (const entry of file.facets[facet]) {
      add(entry, null);
      for (const child of entry.children ?? []) add(child, entry.code);
    }
  }
  return { version: file.version, publishedOn: file.publishedOn, codes };
}

export function codesOf(taxonomy: Taxonomy, facet: Facet): TaxonomyCode[] {
  return taxonomy.codes.filter((entry) => entry.facet === facet);
}

export function findCode(taxonomy: Taxonomy, facet: Facet, value: string): TaxonomyCode | null {
  return taxonomy.codes.find((entry) => entry.facet === facet && entry.code === value) ?? null;
}

/** The top-level ground a code belongs to (itself when it has no parent). */
export function topLevelCode(taxonomy: Taxonomy, facet: Facet, value: string): string {
  return findCode(taxonomy, facet, value)?.parent ?? value;
}
