import { z } from 'zod';
import { districtClasses, orgKinds } from '../roles.ts';
import { paged } from './page.ts';

/** One row of the directory list (`GET /api/orgs`); the contact phone is masked. */
export const orgRow = z.object({
  id: z.number(),
  kind: z.enum(orgKinds),
  code: z.string().nullable(),
  name: z.string(),
  parentId: z.number().nullable(),
  districtClass: z.enum(districtClasses).nullable(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  townName: z.string().nullable(),
  weakVillage: z.boolean(),
  covered: z.boolean(),
  unitType: z.string().nullable(),
  capacity: z.number().nullable(),
  yearlyBudget: z.number().nullable(),
  resourceTags: z.array(z.string()),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type OrgRow = z.infer<typeof orgRow>;

export const orgList = paged(orgRow);
