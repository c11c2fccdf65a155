import { z } from 'zod';

const change = z.object({ from: z.unknown(), to: z.unknown() });

export const rowPlan = z.object({
  row: z.number().int(),
  name: z.string(),
  organisationId: z.string().nullable(),
  changes: z.record(z.string(), change),
});

export const deskRowPlan = z.object({
  row: z.number().int(),
  name: z.string(),
  organisationName: z.string(),
  helpDeskId: z.string().nullable(),
  organisation: z.union([
    z.object({ organisationId: z.string() }),
    z.object({ createdRow: z.number().int() }),
  ]),
  changes: z.record(z.string(), change),
});

const counts = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const importPreview = z.object({
  previewId: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  create: z.array(rowPlan),
  update: z.array(rowPlan),
  unchanged: z.number().int(),
  helpDesks: z.object({
    create: z.array(deskRowPlan),
    update: z.array(deskRowPlan),
    unchanged: z.number().int(),
  }),
  rejected: z.array(
    z.object({
      row: z.number().int(),
      column: z.string(),
      reason: z.string(),
      sheet: z.string().optional(),
    }),
  ),
  ignoredColumns: z.array(z.string()),
  labels: z.object({ municipalities: z.record(z.string(), z.string()) }),
});

export const previewIdParams = z.object({ previewId: z.string() });

export const importResult = counts.extend({ helpDesks: counts });

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
  /** For CSV and JSON, one file per sheet: organisations (default) or their help desks. */
  sheet: z.enum(['organisations', 'help_desks']).default('organisations'),
  query: z.string().max(200).optional(),
  kind: z
    .enum([
      'municipality',
      'union_of_municipalities',
      'region',
      'association',
      'help_desk',
      'university',
      'health_social_consortium',
      'equality_body',
      'other_public_body',
    ])
    .optional(),
  status: z.enum(['active', 'inactive']).optional(),
  member: z.enum(['yes', 'no']).optional(),
  role: z.enum(['lead_partner', 'partner', 'node', 'antenna', 'associate']).optional(),
  unar: z.enum(['yes', 'no']).optional(),
  municipality: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});
