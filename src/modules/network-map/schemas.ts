import { z } from 'zod';
import { networkRoles, organisationKinds } from '../organisations/schemas.ts';

const yesNo = z.enum(['yes', 'no']);

/** The directory's filters that decide which organisations colour the map. */
export const networkMapQuery = z.object({
  kind: z.enum(organisationKinds).optional(),
  role: z.enum(networkRoles).optional(),
  unar: yesNo.optional(),
  status: z.enum(['active', 'inactive']).optional(),
  member: yesNo.optional(),
});
export type NetworkMapQuery = z.infer<typeof networkMapQuery>;

export const networkMap = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  svg: z.string(),
  legend: z.array(
    z.object({ key: z.string(), label: z.string(), count: z.number().int(), fill: z.string() }),
  ),
  rows: z.array(
    z.object({
      istatCode: z.string(),
      name: z.string(),
      provinceAcronym: z.string().nullable(),
      category: z.string(),
    }),
  ),
  attribution: z.string(),
});
export type NetworkMap = z.infer<typeof networkMap>;
