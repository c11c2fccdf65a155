import { z } from 'zod';
import { dimensions, isMonth } from '../../core/stats/dimensions.ts';
import { intakeChannels } from '../../core/cases/vocabularies.ts';

const unknownDimension = { message: 'stats.validation.dimension_unknown' };

/** A list in the query string, as `a,b` or as the same parameter repeated. */
const list = <T extends z.ZodType<unknown, string>>(item: T, max: number) =>
  z
    .union([z.array(z.string().max(64)).max(max), z.string().max(max * 65)])
    .transform((value) =>
      (Array.isArray(value) ? value : value.split(',')).map((part) => part.trim()).filter(Boolean),
    )
    .pipe(z.array(item).max(max));

const code = z.string().regex(/^[a-z][a-z0-9_]{1,62}$/, 'stats.validation.code_invalid');
const month = z.string().refine(isMonth, 'stats.validation.month_invalid');

/** Which cases a statistic counts: the filters every statistics route shares. */
const filterFields = {
  population: z.enum(['reports', 'cases']).default('reports'),
  from: month.optional(),
  to: month.optional(),
  ground: list(code, 30).optional(),
  domain: list(code, 30).optional(),
  type: list(code, 30).optional(),
  channel: list(z.enum(intakeChannels), intakeChannels.length).optional(),
  region: z
    .string()
    .regex(/^\d{2}$/, 'stats.validation.region_invalid')
    .optional(),
  province: z
    .string()
    .regex(/^\d{3}$/, 'stats.validation.province_invalid')
    .optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/, 'stats.validation.municipality_invalid')
    .optional(),
};

function checkPeriod(query: { from?: string; to?: string }, context: z.RefinementCtx) {
  if (query.from && query.to && query.from > query.to) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'stats.validation.period_order' });
  }
}

export const statsFiltersQuery = z.object(filterFields).superRefine(checkPeriod);
export type StatsFiltersQuery = z.infer<typeof statsFiltersQuery>;

const crossTabFields = {
  rows: list(z.enum(dimensions, unknownDimension), 2).refine(
    (value) => value.length >= 1,
    'stats.validation.rows_required',
  ),
  columns: z.enum(dimensions, unknownDimension).optional(),
  ...filterFields,
};

function checkCrossTab(
  query: { rows: string[]; columns?: string | undefined; from?: string; to?: string },
  context: z.RefinementCtx,
) {
  const asked = [...query.rows, ...(query.columns ? [query.columns] : [])];
  if (new Set(asked).size !== asked.length) {
    context.addIssue({
      code: 'custom',
      path: ['columns'],
      message: 'stats.validation.dimension_repeated',
    });
  }
  checkPeriod(query, context);
}

export const crossTabQuery = z.object(crossTabFields).superRefine(checkCrossTab);
export type CrossTabQuery = z.infer<typeof crossTabQuery>;

export const crossTabExportQuery = z
  .object({ ...crossTabFields, format: z.enum(['csv', 'xlsx', 'json']).default('csv') })
  .superRefine(checkCrossTab);

const protectedCount = z.object({
  /** The count, or null when hidden by disclosure control. */
  value: z.number().int().nullable(),
  /**
   * "hidden" for every hidden count, whatever hid it: saying which were small (primary) and
   * which were hidden to protect them (secondary, so at least k) would narrow them down.
   */
  suppressed: z.enum(['hidden']).nullable(),
});
export type PublishedCount = z.infer<typeof protectedCount>;

/** A protected count as it leaves the server. */
export function published(count: { value: number | null; suppressed: unknown }): PublishedCount {
  return count.suppressed
    ? { value: null, suppressed: 'hidden' }
    : { value: count.value, suppressed: null };
}

const dimensionValue = z.object({ code: z.string(), label: z.string() });

export const crossTabResult = z.object({
  population: z.enum(['reports', 'cases']),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  taxonomyVersion: z.string(),
  /** Counts of 1 to threshold − 1 are hidden, with the cells that would give them away. */
  threshold: z.number().int(),
  /**
   * Staff figures: every shown count moved by at most MAX_PERTURBATION, the same way for the
   * same cases (cell-key perturbation), so that two answers cannot be subtracted exactly.
   */
  perturbed: z.boolean(),
  rowDimensions: z.array(z.object({ dimension: z.enum(dimensions), label: z.string() })),
  columnDimension: z.object({ dimension: z.enum(dimensions), label: z.string() }).nullable(),
  rows: z.array(z.array(dimensionValue)),
  columns: z.array(dimensionValue),
  cells: z.array(z.array(protectedCount)),
  rowTotals: z.array(protectedCount),
  columnTotals: z.array(protectedCount),
  grandTotal: protectedCount,
  /** A case with several values of a row facet (two grounds) is in several rows. */
  rowsMaySumToMore: z.boolean(),
  columnsMaySumToMore: z.boolean(),
  suppressedCount: z.number().int(),
  generatedAt: z.string(),
});
export type CrossTabResult = z.infer<typeof crossTabResult>;

const codeWithLabel = z.object({ code: z.string(), label: z.string() });

export const intersectionalResult = z.object({
  population: z.enum(['reports', 'cases']),
  period: z.object({ from: z.string().nullable(), to: z.string().nullable() }),
  taxonomyVersion: z.string(),
  threshold: z.number().int(),
  perturbed: z.boolean(),
  /** Every case once, whatever its number of grounds. */
  total: protectedCount,
  singleGround: protectedCount,
  /** Two or more grounds: intersectional. */
  multipleGrounds: protectedCount,
  notClassified: protectedCount,
  /** The most frequent combinations of grounds, most frequent first. */
  combinations: z.array(z.object({ grounds: z.array(codeWithLabel), count: protectedCount })),
  /** The cases of every combination not listed, together. */
  otherCombinations: protectedCount,
  suppressedCount: z.number().int(),
  generatedAt: z.string(),
});
export type IntersectionalResult = z.infer<typeof intersectionalResult>;

export const statsMapQuery = z
  .object({ metric: z.enum(['rate', 'count']).default('rate'), ...filterFields })
  .superRefine(checkPeriod);

export const statsMapResult = z.object({
  regionName: z.string(),
  metric: z.enum(['rate', 'count']),
  threshold: z.number().int(),
  perturbed: z.boolean(),
  /** The ISTAT population year the rates are computed on. */
  populationYear: z.number().int().nullable(),
  /** The choropleth: `role="img"`, a title and description, no `style` attributes. */
  svg: z.string(),
  legend: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      /** #rrggbb, for the page's swatches. */
      fill: z.string(),
      count: z.number().int(),
      /** "No data" (hidden counts) is drawn hatched. */
      hatched: z.boolean(),
    }),
  ),
  /** The region's municipalities with reports or a hidden count, by name. */
  rows: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      population: z.number().int(),
      /** Null when hidden by disclosure control. */
      count: z.number().int().nullable(),
      rate: z.number().nullable(),
      /** Fewer than 20 reports: a rate that moves a lot from one period to the next. */
      unstable: z.boolean(),
    }),
  ),
  /** Reports elsewhere, online or without a place. */
  other: z.object({ label: z.string(), count: z.number().int().nullable() }).nullable(),
  withoutReports: z.number().int(),
  total: z.number().int().nullable(),
  attribution: z.string(),
});
