import { z } from 'zod';

const change = z.object({ from: z.unknown(), to: z.unknown() });

export const rowPlan = z.object({
  row: z.number().int(),
  name: z.string(),
  organisationId: z.string().nullable(),
  changes: z.record(z.string(), change),
});

export const importPreview = z.object({
  previewId: z.string(),
  fileName: z.string(),
  rows: z.number().int(),
  create: z.array(rowPlan),
  update: z.array(rowPlan),
  unchanged: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), column: z.string(), reason: z.string() })),
  ignoredColumns: z.array(z.string()),
});

export const previewIdParams = z.object({ previewId: z.string() });

export const importResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const exportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'json']).default('csv'),
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
