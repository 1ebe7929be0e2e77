import { z } from 'zod';
import { paged } from './page.ts';

/**
 * One rural target of a round's public directory (`GET /api/public/rounds/:id/directory`, no
 * sign-in): what a unit needs to choose, and nothing more.
 */
export const directoryEntry = z.object({
  id: z.number(),
  code: z.string().nullable(),
  name: z.string(),
  kind: z.enum(['village', 'town']),
  weakVillage: z.boolean(),
  townName: z.string().nullable(),
  districtId: z.number().nullable(),
  districtName: z.string().nullable(),
  needs: z.array(z.string()),
  /** Places held by pending or accepted intentions, against the round's per-village cap. */
  taken: z.number(),
  cap: z.number(),
  covered: z.boolean(),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

export const directoryPage = paged(directoryEntry);
